// What the UI and engine learn at start (LmsFacts), from the launch and the session record.
import type { LmsFacts } from "../driver";
import { heldResumeState } from "./held-write";
import type { Cmi5LaunchParams } from "./launch-params";
import type { Cmi5SessionRecord } from "./session-store";

/** Largest resume state we accept: with the State document around it, a keepalive PUT stays < 64 KiB. */
export const CMI5_STATE_BUDGET = 32_000;

export function factsOf(params: Cmi5LaunchParams, record: Cmi5SessionRecord, warnings: string[], reload: boolean): LmsFacts {
  const launch = record.launch;
  if (launch === null) throw new Error("cmi5 facts requested before LMS.LaunchData was read");
  return {
    standard: "cmi5",
    launchMode: launch.launchMode === "Normal" ? "normal" : launch.launchMode === "Browse" ? "browse" : "review",
    // cmi5 has no credit flag: Normal counts, Browse/Review do not (cmi5 §10, launchMode).
    credit: launch.launchMode === "Normal",
    masteryScore: launch.masteryScorePercent,
    warnings,
    learner: { id: params.actor.account?.name ?? null, name: params.actor.name ?? null },
    languagePreference: record.preferences?.languagePreference ?? [],
    audioPreference: record.preferences?.audioPreference ?? null,
    // A state held for the write path (a reload before it arrived) is newer than the record's.
    resumeState: heldResumeState(record) ?? record.resumeState,
    stateBudget: CMI5_STATE_BUDGET,
    resumed: reload || record.resumed,
    returnUrl: launch.returnURL,
  };
}
