// What the local LMS/LRS holds: statements, documents (state, agent profiles), launched sessions,
// and every rule violation it saw. Optionally persisted to one JSON file after each change.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Statement } from "@xapi/xapi";
import type { Cmi5SessionInfo, RuleViolation } from "./cmi5-rules";
import type { Cmi5GroupEntry } from "./satisfied";

export interface StoredStatement {
  /** As received (what a re-send is compared against), plus `stored` and `authority` when read. */
  statement: Statement & { id: string };
  stored: string;
  /** The LMS's session that sent it, or null for the admin. */
  sessionId: string | null;
}

export interface StoredDocument {
  contentType: string;
  body: string;
  updated: string;
}

export interface LmsSession {
  /** "tincan": a Tin Can launch (authoring/lrs/tincan-launch.ts): no fetch, no cmi5 rules. Absent: cmi5. */
  kind?: "cmi5" | "tincan";
  info: Cmi5SessionInfo;
  /** The value of `auth-token` (sent back as `Authorization: Basic <token>`). */
  authToken: string;
  fetchKey: string;
  fetchUsed: boolean;
  /** Test hook: make the fetch URL answer with this cmi5 error-code. */
  fetchErrorCode: "1" | "2" | "3" | null;
  revoked: boolean;
  fetchCount: number;
  /** The course the AU belongs to, when the launch named one: the LMS then records Satisfied statements (satisfied.ts). */
  course?: Cmi5GroupEntry;
}

export interface ViolationRecord {
  /** "xapi": @learninglocker/xapi-validation; "cmi5": our rule checker; "lms": e.g. AU wrote LaunchData. */
  kind: "xapi" | "cmi5" | "lms";
  statementId: string | null;
  verb: string | null;
  sessionId: string | null;
  violations: RuleViolation[];
  at: string;
}

export interface LrsData {
  format: 1;
  statements: StoredStatement[];
  documents: Record<string, StoredDocument>;
  sessions: Record<string, LmsSession>;
  violations: ViolationRecord[];
}

export class LrsStore {
  readonly data: LrsData;

  constructor(private readonly file: string | null) {
    this.data =
      file !== null && existsSync(file)
        ? (JSON.parse(readFileSync(file, "utf8")) as LrsData)
        : { format: 1, statements: [], documents: {}, sessions: {}, violations: [] };
  }

  /** Write the file (if any) after a change: write a temp file, then rename, so a crash never truncates it. */
  changed(): void {
    if (this.file === null) return;
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.data));
    renameSync(`${this.file}.tmp`, this.file);
  }

  statementById(id: string): StoredStatement | undefined {
    return this.data.statements.find((s) => s.statement.id === id);
  }

  inRegistration(registration: string): Statement[] {
    return this.data.statements.filter((s) => s.statement.context?.registration === registration).map((s) => s.statement);
  }

  sessionByToken(token: string): LmsSession | undefined {
    return Object.values(this.data.sessions).find((s) => s.authToken === token);
  }

  sessionByFetchKey(key: string): LmsSession | undefined {
    return Object.values(this.data.sessions).find((s) => s.fetchKey === key);
  }
}

/** Documents are keyed by what identifies them in the xAPI Document APIs. */
export function stateKey(activityId: string, agent: unknown, registration: string | null, stateId: string): string {
  return `state|${activityId}|${agentKey(agent)}|${registration ?? ""}|${stateId}`;
}

export function agentProfileKey(agent: unknown, profileId: string): string {
  return `agentProfile|${agentKey(agent)}|${profileId}`;
}

/** An Agent is identified by its inverse functional identifier (xAPI §2.4.2.3), not by its name. */
export function agentKey(agent: unknown): string {
  const a = (agent ?? {}) as { account?: { homePage?: string; name?: string }; mbox?: string; mbox_sha1sum?: string; openid?: string };
  if (a.account) return `account:${a.account.homePage ?? ""}|${a.account.name ?? ""}`;
  if (a.mbox) return `mbox:${a.mbox}`;
  if (a.mbox_sha1sum) return `sha1:${a.mbox_sha1sum}`;
  if (a.openid) return `openid:${a.openid}`;
  return "unknown";
}
