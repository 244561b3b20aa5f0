// Never downgrade what the LMS already holds (docs/rules/reporting.md "SCORM 1.2" / "SCORM 2004"). A session
// can start from less than the LMS knows — a resume state a course update made unusable, a state
// lost or never saved — and the engine then reports a fresh outcome. The LMS's record of a pass, a
// completion or the best score of a pass must survive that: each status element keeps the higher of
// what the LMS held at start (and what this session wrote since) and what the engine wants; and
// while the held status is a pass, a lower score than the held one is not written.

/** Rank of each status value of one element; values not listed are never protected. */
export type StatusRanks = Readonly<Record<string, number>>;

/** A score element's value as a number on 0..100; null when empty or not a number. */
export function parseHeldScore(text: string): number | null {
  if (text.trim() === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/** One status element (e.g. cmi.core.lesson_status) and the best value it has held. */
export class HeldStatus {
  private held_: string;
  private readonly element_: string;
  private readonly ranks_: StatusRanks;

  constructor(element: string, ranks: StatusRanks, heldAtStart: string) {
    this.element_ = element;
    this.ranks_ = ranks;
    this.held_ = heldAtStart;
  }

  get value(): string {
    return this.held_;
  }

  /** The value to write instead of `wanted`: the held one when `wanted` ranks lower (logged). */
  keep(wanted: string, log: (message: string) => void): string {
    const heldRank = this.ranks_[this.held_];
    const wantedRank = this.ranks_[wanted] ?? 0;
    if (heldRank !== undefined && wantedRank < heldRank) {
      log(`${this.element_} stays "${this.held_}" (the LMS holds it): this session's "${wanted}" would lower it`);
      return this.held_;
    }
    this.held_ = wanted;
    return wanted;
  }
}

/** The score held with a pass (0..100): a lower one is not written while the LMS holds the pass. */
export class HeldPassScore {
  private best_: number | null;
  private readonly element_: string;

  constructor(element: string, heldAtStart: number | null) {
    this.element_ = element;
    this.best_ = heldAtStart;
  }

  /** Whether `score` may be written given that the status the LMS will hold is `passHeld`. */
  allows(score: number, passHeld: boolean, log: (message: string) => void): boolean {
    if (passHeld && this.best_ !== null && score < this.best_) {
      log(`${this.element_} stays ${this.best_} (the LMS holds it with a pass): this session's ${score} would lower it`);
      return false;
    }
    if (passHeld) this.best_ = score;
    return true;
  }
}
