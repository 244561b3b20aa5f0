// cmi5 best practice "Persist AU Session State" (docs/rules/lms.md §5): the session survives a reload of the same page through
// sessionStorage (never localStorage: the auth token must not outlive the tab; never logged).
// One record per registration: token, session start, what was sent, and the outbox itself. The record
// is bound to the LRS endpoint its token came for: the driver never reuses it for another endpoint.
import type { Outcome } from "../../assessment/outcome";
import { CoalescedSave } from "../coalesced-save";
import type { Cmi5LaunchData, LearnerPreferences } from "./launch-data";
import type { HeldWrite } from "./held-write";
import type { OutboxItem } from "./outbox-item";
import type { RegistrationRecord, SessionJudgement } from "./reporting-policy";

export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Cmi5SessionRecord {
  format: 1;
  /** The fetch URL identifies the session: a new launch comes with a new one. */
  fetchUrl: string;
  /** The launch URL's `endpoint` the token was fetched for: the token is only ever sent there. */
  endpoint: string;
  activityId: string;
  authToken: string;
  launch: Cmi5LaunchData | null;
  preferences: LearnerPreferences | null;
  /** Epoch ms of Initialized (session start); null until Initialized was created. */
  initializedAt: number | null;
  /** Epoch ms of the last statement timestamp (timestamps strictly increase within the session). */
  lastTimestamp: number;
  registrationRecord: RegistrationRecord;
  judgement: SessionJudgement;
  resumeState: string | null;
  location: string | null;
  /** True when this session started from a previous session's saved state. */
  resumed: boolean;
  latestOutcome: Outcome | null;
  lastProgressPercent: number | null;
  terminated: boolean;
  /** Terminated was queued on unload and the whole queue handed to fetch keepalive: a reload sends nothing. */
  endedOnUnload: boolean;
  /** The LMS ended the session (Outbox "closed"): nothing more is sent; `outbox` keeps what never arrived. */
  closedByLms?: boolean;
  outbox: OutboxItem[];
  /** Items the LMS refused for good (rule violation / malformed): kept, never silently dropped. */
  rejected: OutboxItem[];
  /** Writes asked for before the write path's code arrived (held-write.ts): replayed, in order, once it has. */
  held?: HeldWrite[];
}

const PREFIX = "passmark.cmi5.session:";

export class Cmi5SessionStore {
  private readonly storage_: SessionStorageLike;
  private readonly registration_: string;
  /** One write per burst of changes (lms/coalesced-save.ts). */
  private readonly writes_ = new CoalescedSave<Cmi5SessionRecord>((record) => this.write_(record));

  constructor(storage: SessionStorageLike, registration: string) {
    this.storage_ = storage;
    this.registration_ = registration;
  }

  private get key_(): string {
    return PREFIX + this.registration_;
  }

  load(): Cmi5SessionRecord | null {
    this.writes_.flush();
    let text: string | null;
    try {
      text = this.storage_.getItem(this.key_);
    } catch {
      return null; // storage disabled: the session cannot survive a reload, but it still works
    }
    if (text === null) return null;
    try {
      const record = JSON.parse(text) as Cmi5SessionRecord;
      return record.format === 1 ? record : null;
    } catch {
      return null;
    }
  }

  /** Saves the record once the current synchronous work is done, with every change made by then (lms/coalesced-save.ts). */
  save(record: Cmi5SessionRecord): void {
    this.writes_.save(record);
  }

  private write_(record: Cmi5SessionRecord): void {
    try {
      this.storage_.setItem(this.key_, JSON.stringify(record));
    } catch {
      // Quota or disabled storage: delivery continues from memory; only reload-survival is lost.
    }
  }
}

/** In-memory sessionStorage for environments without one (Node tests, sandboxed frames). */
export class MemorySessionStorage implements SessionStorageLike {
  private readonly items_ = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items_.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items_.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items_.delete(key);
  }
}

/** A session that has its token but nothing else yet (LaunchData not read, no Initialized). */
export function newSessionRecord(fetchUrl: string, endpoint: string, activityId: string, authToken: string): Cmi5SessionRecord {
  return {
    format: 1,
    fetchUrl,
    endpoint,
    activityId,
    authToken,
    launch: null,
    preferences: null,
    initializedAt: null,
    lastTimestamp: 0,
    registrationRecord: { completedSent: false, passedSent: false },
    judgement: { passedSent: false, failedSent: false },
    resumeState: null,
    location: null,
    resumed: false,
    latestOutcome: null,
    lastProgressPercent: null,
    terminated: false,
    endedOnUnload: false,
    outbox: [],
    rejected: [],
  };
}
