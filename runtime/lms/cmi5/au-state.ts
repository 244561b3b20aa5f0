// Our own State document (docs/rules/reporting.md "cmi5": a state id of ours, keyed by the registration): the
// engine's resume state next to what was already sent in the registration (Completed, Passed).
import type { RegistrationRecord } from "./reporting-policy";

export interface AuStateDocument {
  format: 1;
  resumeState: string | null;
  location: string | null;
  completedSent: boolean;
  passedSent: boolean;
}

export function emptyAuState(): AuStateDocument {
  return { format: 1, resumeState: null, location: null, completedSent: false, passedSent: false };
}

/** A 404 (null body) is a first launch; anything unreadable is treated as absent with a warning. */
export function parseAuState(body: unknown): { document: AuStateDocument; warning: string | null } {
  if (body === null || body === undefined) return { document: emptyAuState(), warning: null };
  if (typeof body !== "object" || Array.isArray(body)) {
    return { document: emptyAuState(), warning: "our cmi5 State document was not a JSON object; starting fresh" };
  }
  const b = body as Record<string, unknown>;
  return {
    document: {
      format: 1,
      resumeState: typeof b.resumeState === "string" ? b.resumeState : null,
      location: typeof b.location === "string" ? b.location : null,
      completedSent: b.completedSent === true,
      passedSent: b.passedSent === true,
    },
    warning: null,
  };
}

export function registrationRecordOf(document: AuStateDocument): RegistrationRecord {
  return { completedSent: document.completedSent, passedSent: document.passedSent };
}
