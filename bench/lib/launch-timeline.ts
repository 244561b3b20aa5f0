// Figure 2's timeline: for one subject, the median time (ms from navigation) of each step a launch
// goes through, over its runs; a step a subject does not have (no LMS request standalone, no probe
// script in a package) is left out.
import { median } from "./stats";

/** One launch's steps, page ms from navigation start; null when the page has no such step. */
export interface LaunchSteps {
  firstByte: number;
  /** The parser reached the head's first file (its request started). */
  firstFile: number | null;
  /** The page's own first script ran (only the floor page records it). */
  firstScript: number | null;
  firstLmsRequest: number | null;
  ready: number;
}

const NAMES: Record<keyof LaunchSteps, string> = {
  firstByte: "HTML first byte",
  firstFile: "first file requested",
  firstScript: "first script ran",
  firstLmsRequest: "first LMS request",
  ready: "ready",
};

/** Medians per step, over the runs that have the step; a step no run has is null. */
export function medianSteps(runs: readonly LaunchSteps[]): { [K in keyof LaunchSteps]: number | null } {
  const of = (key: keyof LaunchSteps): number | null => {
    const values = runs.map((r) => r[key]).filter((v): v is number => v !== null);
    return values.length > 0 ? median(values) : null;
  };
  return { firstByte: of("firstByte"), firstFile: of("firstFile"), firstScript: of("firstScript"), firstLmsRequest: of("firstLmsRequest"), ready: of("ready") };
}

/** "HTML first byte 16, first file requested 40, first LMS request 240, ready 447 (ms, medians)". */
export function timelineNote(runs: readonly LaunchSteps[]): string {
  const steps = medianSteps(runs);
  const parts = (Object.keys(NAMES) as (keyof LaunchSteps)[]).flatMap((key) => (steps[key] === null ? [] : [`${NAMES[key]} ${steps[key]!.toFixed(0)}`]));
  return `${parts.join(", ")} (ms from navigation, medians of ${runs.length})`;
}
