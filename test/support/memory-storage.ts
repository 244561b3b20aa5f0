// Browser storage in memory (the standalone driver's StateStorage) for tests without a browser.
import type { StateStorage } from "../../runtime/lms/standalone/driver";

export class MemoryStorage implements StateStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}
