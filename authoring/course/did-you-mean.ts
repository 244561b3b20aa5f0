// "Did you mean …?": the known name nearest to a misspelt one, for error messages.

/** The known name closest to a misspelt one (a small edit distance, or a shared beginning of 5+ letters). */
export function closest(name: string, known: string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best) return best;
  // "passingScore" → "passingAttemptScore": a long shared beginning is as telling as a typo.
  let bestPrefix = 4;
  for (const candidate of known) {
    const n = commonPrefix(name.toLowerCase(), candidate.toLowerCase());
    if (n > bestPrefix) {
      best = candidate;
      bestPrefix = n;
    }
  }
  return best;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
