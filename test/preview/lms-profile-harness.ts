// One SCORM LMS of the preview (ScormStore in memory) with one learner on one target, for the LMS
// profile tests: launches, the SCO's commits, what the LMS holds and shows.
import type { LmsProfileId, ScormFacts } from "../../authoring/preview/protocol";
import { scormView } from "../../authoring/preview/lms-view";
import { ScormStore, type ScormSessionRecord } from "../../authoring/preview/scorm-store";
import type { FlatCmi } from "../../authoring/preview/scorm-seed";
import type { TargetId } from "../../runtime/course/types";

export type ScormTarget = Exclude<TargetId, "cmi5" | "xapi">;
export const LEARNER = { id: "learner-1", name: "Learner, One" };
export const FACTS: ScormFacts = { credit: true, mode: "normal", masteryScore: 80, previousStatus: "stored", commitFailures: 0 };

/** { "cmi.core.lesson_status": "x" } → { cmi: { core: { lesson_status: "x" } } }, the commit shape. */
export function nested(flat: FlatCmi): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] = value;
  }
  return root;
}

/** One LMS with one learner on one target: launches, and the SCO's commits. */
export class Lms {
  readonly store = new ScormStore(null);
  private seq = 0;
  constructor(
    readonly profile: LmsProfileId,
    readonly target: ScormTarget,
  ) {}

  launch(options: { facts?: Partial<ScormFacts>; newAttempt?: boolean } = {}): ScormSessionRecord {
    this.seq = 0;
    return this.store.start({
      id: crypto.randomUUID(),
      target: this.target,
      learner: LEARNER,
      facts: { ...FACTS, ...options.facts },
      profile: this.profile,
      newAttempt: options.newAttempt ?? false,
    });
  }

  /** The SCO's data model at this commit: the seed plus what it wrote. */
  commit(session: ScormSessionRecord, wrote: FlatCmi, options: { terminate?: boolean; scoWrote?: FlatCmi } = {}): string[] {
    const data = { ...(session.committed ?? session.seedFlat), ...wrote };
    return this.store.commit({ sessionId: session.id, seq: ++this.seq, terminate: options.terminate ?? false, data: nested(data), scoWrote: options.scoWrote })
      .notes;
  }

  holding() {
    return this.store.holding(LEARNER.id, this.target);
  }

  view() {
    return scormView(this.target, LEARNER.id, this.store.sessions(LEARNER.id, this.target), this.holding());
  }
}

export const S12 = (status: string, extra: FlatCmi = {}): FlatCmi => ({
  "cmi.core.lesson_status": status,
  "cmi.core.exit": "suspend",
  "cmi.suspend_data": "state-1",
  ...extra,
});
