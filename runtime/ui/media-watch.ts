// "Watched" for progress (docs/rules/reporting.md: watching is progress, never a score): the share of the
// duration actually played (the union of played ranges, so seeking to the end does not count)
// reaches the medium's watchedThreshold, with a small tolerance for the last frame.

export interface PlayedRanges {
  readonly length: number;
  start(index: number): number;
  end(index: number): number;
}

/** Seconds covered by the played ranges (the browser keeps them merged and sorted). */
export function playedSeconds(ranges: PlayedRanges): number {
  let total = 0;
  for (let i = 0; i < ranges.length; i++) total += Math.max(0, ranges.end(i) - ranges.start(i));
  return total;
}

export function reachedThreshold(played: number, duration: number, threshold: number): boolean {
  if (!Number.isFinite(duration) || duration <= 0) return false;
  const tolerance = Math.min(0.5, duration * 0.02);
  return played >= threshold * duration - tolerance;
}
