// The attempts limit as a number (docs/rules/assessment.md §2 A), a file of its own (issue 14 item 1:
// a launch needs it before any attempt; rubric.ts re-exports it).

/** A as scoreAttempt wants it: "unlimited" → Infinity. */
export function attemptsAllowedNumber(attempts: number | "unlimited"): number {
  return attempts === "unlimited" ? Infinity : attempts;
}
