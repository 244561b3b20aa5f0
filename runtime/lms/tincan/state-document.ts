// Our State document of a Tin Can launch (xAPI State API, keyed by activity, agent and registration):
// the engine's resume state, what the registration already received (Completed, Passed) and the last
// judgement sent, so a resumed session never repeats a statement (docs/xapi-target.md "Resume").
import { parseAuState, type AuStateDocument } from "../cmi5/au-state";

/** Our stateId (an IRI of ours, as xAPI recommends): the same document id as the cmi5 driver's. */
export const TINCAN_STATE_ID = "https://passmark.dev/xapi/state/au-state";

export interface TincanStateDocument extends AuStateDocument {
  /** "passed:<score>" / "failed:<score>" of the last judgement sent in the registration, or null. */
  judged: string | null;
}

/** null body (404): a first launch. Anything unreadable counts as absent, with a warning. */
export function parseTincanState(body: unknown): { document: TincanStateDocument; warning: string | null } {
  const { document, warning } = parseAuState(body);
  const judged = (body as { judged?: unknown } | null)?.judged;
  return {
    document: { ...document, judged: typeof judged === "string" ? judged : null },
    warning: warning === null ? null : warning.replace("cmi5", "Tin Can"),
  };
}
