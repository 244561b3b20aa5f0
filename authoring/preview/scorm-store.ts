// The LMS side of SCORM in the preview: one record per session (facts, seed, every accepted commit,
// flags), kept in <work>/preview-scorm.json so a relaunch — even after restarting the preview —
// resumes like a real LMS. A commit with a lower sequence than one already kept (a late keepalive)
// never overwrites newer data.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { TargetId } from "../../runtime/course/types";
import type { ScormCommit, ScormFacts } from "./protocol";
import { flattenCmi, scormSeed, type FlatCmi } from "./scorm-seed";

export interface ScormSessionRecord {
  id: string;
  target: TargetId;
  learnerId: string;
  startedAt: string;
  facts: ScormFacts;
  /** What the LMS seeded (flattened) and the nested form handed to loadFromJSON. */
  seedFlat: FlatCmi;
  seed: Record<string, unknown>;
  /** The data model as of the last accepted commit (flattened), null before the first one. */
  committed: FlatCmi | null;
  lastSeq: number;
  commits: number;
  finished: boolean;
  /** What real LMSs would refuse (suspend_data too long, calls after Finish, …). */
  flags: string[];
}

interface ScormData {
  format: 1;
  sessions: ScormSessionRecord[];
}

export class ScormStore {
  private readonly data: ScormData;

  constructor(private readonly file: string | null) {
    this.data = file !== null && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ScormData) : { format: 1, sessions: [] };
  }

  start(options: { id: string; target: TargetId; learner: { id: string; name: string }; facts: ScormFacts }): ScormSessionRecord {
    const previous = this.latest(options.learner.id, options.target);
    const { seed, flat } = scormSeed({
      version: options.target === "scorm12" ? "1.2" : "2004",
      facts: options.facts,
      learner: options.learner,
      previous: previous ? effectiveData(previous) : null,
    });
    const record: ScormSessionRecord = {
      id: options.id,
      target: options.target,
      learnerId: options.learner.id,
      startedAt: new Date().toISOString(),
      facts: options.facts,
      seedFlat: flat,
      seed,
      committed: null,
      lastSeq: 0,
      commits: 0,
      finished: false,
      flags: [],
    };
    this.data.sessions.push(record);
    this.save();
    return record;
  }

  session(id: string): ScormSessionRecord | undefined {
    return this.data.sessions.find((s) => s.id === id);
  }

  sessions(learnerId: string, target: TargetId): ScormSessionRecord[] {
    return this.data.sessions.filter((s) => s.learnerId === learnerId && s.target === target);
  }

  latest(learnerId: string, target: TargetId): ScormSessionRecord | undefined {
    return this.sessions(learnerId, target).at(-1);
  }

  /** Keep an accepted commit; false when the session is unknown or the commit is older than what is kept. */
  commit(commit: ScormCommit): boolean {
    const record = this.session(commit.sessionId);
    if (!record || commit.seq <= record.lastSeq) return false;
    record.committed = flattenCmi(commit.data);
    record.lastSeq = commit.seq;
    record.commits += 1;
    if (commit.terminate) record.finished = true;
    this.save();
    return true;
  }

  flag(sessionId: string, text: string): void {
    const record = this.session(sessionId);
    if (!record) return;
    record.flags.push(text);
    this.save();
  }

  private save(): void {
    if (this.file === null) return;
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.data));
    renameSync(`${this.file}.tmp`, this.file);
  }
}

/** What the LMS holds after a session: its last commit, or what it was seeded with. */
export function effectiveData(record: ScormSessionRecord): FlatCmi {
  return record.committed ?? record.seedFlat;
}
