// The LMS side of SCORM in the preview: one record per session (facts, LMS behaviour, attempt, seed,
// every accepted commit as that LMS stores it, flags), kept in <work>/preview-scorm.json so a
// relaunch — even after restarting the preview — resumes like a real LMS. Each SCO of a package has a
// data model of its own (SCORM 2004 RTE §4.1: one per learner attempt on each SCO), so sessions are
// kept per unit. A commit with a lower sequence than one already kept (a late keepalive) never
// overwrites newer data.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { TargetId } from "../../runtime/course/types";
import type { HeldSession, LmsHolding, ScormVersion } from "./lms-profiles/profile";
import { lmsProfile } from "./lms-profiles/registry";
import { rawScore, statusOf } from "./lms-profiles/scorm-data";
import type { LmsProfileId, ScormCommit, ScormFacts, ScormMode } from "./protocol";
import { flattenCmi, scormSeed, type FlatCmi } from "./scorm-seed";

/** One accepted commit: when (ms since the epoch, server clock) and what the LMS then held. */
export interface CommitTrace {
  at: number;
  seq: number;
  status: string;
  /** Raw score 0..100 the LMS held after the commit, null for none. */
  score: number | null;
  terminate: boolean;
}

export interface ScormSessionRecord {
  id: string;
  target: TargetId;
  /** The SCO launched (its item identifier; "" in records kept before units existed). */
  unit: string;
  /** That SCO's launch file relative to the package root; null: the package's first. */
  launchPath: string | null;
  learnerId: string;
  startedAt: string;
  facts: ScormFacts;
  /** The LMS behaviour that launched the session and stores its commits. */
  profile: LmsProfileId;
  /** The LMS's attempt number (Moodle: a new one only when the learner starts one). */
  attempt: number;
  mode: ScormMode;
  credit: boolean;
  /** Why the LMS launched this way. */
  launchNote: string;
  /** What the LMS seeded (flattened) and the nested form handed to loadFromJSON. */
  seedFlat: FlatCmi;
  /** What the LMS held for the attempt at launch when it is not the seed (null: the seed). */
  held: FlatCmi | null;
  /** What the LMS answers for cmi.interactions._count (null: the true count). */
  interactionsCount: number | null;
  seed: Record<string, unknown>;
  /** The data model as of the last accepted commit (flattened), null before the first one. */
  committed: FlatCmi | null;
  lastSeq: number;
  commits: number;
  finished: boolean;
  /** What real LMSs would refuse (suspend_data too long, calls after Finish, …). */
  flags: string[];
  /** Every accepted commit, oldest first. */
  trail: CommitTrace[];
}

/** The SCO a session launches, from the manifest (package-info.ts LaunchUnit). */
export interface StartUnit {
  id: string;
  launchPath: string;
  /** Its objective ids, seeded into cmi.objectives (SCORM 2004 RTE §4.2.17). */
  objectives: readonly string[];
}

export interface StartOptions {
  id: string;
  target: TargetId;
  /** Absent: the package's one unit, its data shared with every session of the target. */
  unit?: StartUnit;
  learner: { id: string; name: string };
  facts: ScormFacts;
  profile: LmsProfileId;
  newAttempt: boolean;
}

/** A kept commit and what the LMS behaviour changed on the way in. */
export interface CommitAnswer {
  kept: boolean;
  notes: string[];
}

interface ScormData {
  format: 1;
  sessions: ScormSessionRecord[];
}

export class ScormStore {
  private readonly data: ScormData;

  constructor(private readonly file: string | null) {
    this.data = file !== null && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as ScormData) : { format: 1, sessions: [] };
    // Records written before LMS behaviours existed were all "strict".
    for (const record of this.data.sessions) {
      record.profile ??= "strict";
      record.attempt ??= 1;
      record.mode ??= record.facts.mode;
      record.credit ??= record.facts.credit;
      record.launchNote ??= "";
      record.trail ??= [];
      record.held ??= null;
      record.interactionsCount ??= null;
      record.unit ??= "";
      record.launchPath ??= null;
    }
  }

  start(options: StartOptions): ScormSessionRecord {
    const previous = this.latest(options.learner.id, options.target, options.unit?.id);
    const version = versionOf(options.target);
    const plan = lmsProfile(options.profile).launch({
      version,
      facts: options.facts,
      objectives: options.unit?.objectives ?? [],
      previous: previous ? { data: effectiveData(previous), attempt: previous.attempt } : null,
      newAttempt: options.newAttempt,
    });
    const { seed, flat } = scormSeed({ version, facts: options.facts, learner: options.learner, plan });
    const record: ScormSessionRecord = {
      id: options.id,
      target: options.target,
      unit: options.unit?.id ?? "",
      launchPath: options.unit?.launchPath ?? null,
      learnerId: options.learner.id,
      startedAt: new Date().toISOString(),
      facts: options.facts,
      profile: options.profile,
      attempt: plan.attempt,
      mode: plan.mode,
      credit: plan.credit,
      launchNote: plan.note,
      seedFlat: flat,
      held: plan.held ?? null,
      interactionsCount: plan.interactionsCount ?? null,
      seed,
      committed: null,
      lastSeq: 0,
      commits: 0,
      finished: false,
      flags: [],
      trail: [],
    };
    this.data.sessions.push(record);
    this.save();
    return record;
  }

  session(id: string): ScormSessionRecord | undefined {
    return this.data.sessions.find((s) => s.id === id);
  }

  /** A learner's sessions on a target, oldest first: of one SCO when `unit` is given, else all. */
  sessions(learnerId: string, target: TargetId, unit?: string): ScormSessionRecord[] {
    return this.data.sessions.filter((s) => s.learnerId === learnerId && s.target === target && (unit === undefined || s.unit === unit));
  }

  latest(learnerId: string, target: TargetId, unit?: string): ScormSessionRecord | undefined {
    return this.sessions(learnerId, target, unit).at(-1);
  }

  /**
   * Keep an accepted commit as the session's LMS behaviour stores it; not kept when the session is
   * unknown or the commit is older than what is kept.
   */
  commit(commit: ScormCommit): CommitAnswer {
    const record = this.session(commit.sessionId);
    if (!record || commit.seq <= record.lastSeq) return { kept: false, notes: [] };
    const version = versionOf(record.target);
    const stored = lmsProfile(record.profile).store({
      version,
      session: { mode: record.mode, credit: record.credit, held: record.held ?? record.seedFlat },
      data: flattenCmi(commit.data),
      scoWrote: typeof commit.scoWrote === "object" && commit.scoWrote !== null ? stringValues(commit.scoWrote) : null,
      terminate: commit.terminate,
    });
    record.committed = stored.data;
    record.lastSeq = commit.seq;
    record.commits += 1;
    record.trail.push({
      at: Date.now(),
      seq: commit.seq,
      status: statusOf(version, stored.data),
      score: rawScore(version, stored.data),
      terminate: commit.terminate,
    });
    if (commit.terminate) record.finished = true;
    this.save();
    return { kept: true, notes: stored.notes };
  }

  /** What the LMS holds for a learner on a target (one SCO's when `unit` is given), read with the LMS behaviour of their latest session. */
  holding(learnerId: string, target: TargetId, unit?: string): LmsHolding {
    const sessions = this.sessions(learnerId, target, unit);
    const profile = sessions.at(-1)?.profile ?? "strict";
    const held: HeldSession[] = sessions.map((s) => ({ attempt: s.attempt, data: effectiveData(s), committed: s.committed !== null }));
    return lmsProfile(profile).holding(versionOf(target), held);
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

export function versionOf(target: TargetId): ScormVersion {
  return target === "scorm12" ? "1.2" : "2004";
}

function stringValues(values: Record<string, unknown>): FlatCmi {
  const out: FlatCmi = {};
  for (const [key, value] of Object.entries(values)) if (typeof value === "string") out[key] = value;
  return out;
}

/** What the LMS holds after a session: its last commit, or what it held (usually: seeded) at launch. */
export function effectiveData(record: ScormSessionRecord): FlatCmi {
  return record.committed ?? record.held ?? record.seedFlat;
}
