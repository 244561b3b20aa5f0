// The Tin Can driver's durable outbox (docs/rules/reporting.md "Delivery"): what is not yet accepted
// by the LRS is kept in sessionStorage (never localStorage: the credentials' statements must not
// outlive the tab), one record per activity and registration, bound to the endpoint it was for. A
// reload of the page delivers it first, with the same statement ids (the LRS stores each once).
import type { OutboxItem } from "../cmi5/outbox-item";
import { CoalescedSave } from "../coalesced-save";
import type { SessionStorageLike } from "../cmi5/session-store";

export interface TincanRecord {
  format: 1;
  endpoint: string;
  items: OutboxItem[];
  rejected: OutboxItem[];
}

export class TincanRecordStore {
  private readonly key_: string;
  private readonly storage_: SessionStorageLike;
  /** One write per burst of changes (lms/coalesced-save.ts). */
  private readonly writes_ = new CoalescedSave<TincanRecord>((record) => this.write_(record));

  constructor(storage: SessionStorageLike, activityId: string, registration: string | null) {
    this.storage_ = storage;
    this.key_ = `passmark.tincan:${activityId}|${registration ?? ""}`;
  }

  load(): TincanRecord | null {
    this.writes_.flush();
    try {
      const parsed = JSON.parse(this.storage_.getItem(this.key_) ?? "null") as TincanRecord | null;
      return parsed?.format === 1 && Array.isArray(parsed.items) && Array.isArray(parsed.rejected) ? parsed : null;
    } catch {
      return null;
    }
  }

  /** Saves the record once the current synchronous work is done, with every change made by then (lms/coalesced-save.ts). */
  save(record: TincanRecord): void {
    this.writes_.save(record);
  }

  private write_(record: TincanRecord): void {
    try {
      if (record.items.length === 0 && record.rejected.length === 0) this.storage_.removeItem(this.key_);
      else this.storage_.setItem(this.key_, JSON.stringify(record));
    } catch {
      // storage full or blocked: delivery goes on from memory
    }
  }
}
