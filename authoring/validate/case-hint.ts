// "Did you mean": for a file the manifest names but the zip lacks, the entry whose name differs only
// in case. One map by lower-cased name, built on the first miss, so each hint is a lookup.

/** Returns hint(path): ' (the zip has "Index.html": …)' when only the case differs, "" otherwise. */
export function caseHints(entries: Iterable<string>): (path: string) => string {
  let byLowerCase: Map<string, string> | null = null;
  return (path) => {
    if (byLowerCase === null) {
      byLowerCase = new Map();
      for (const name of entries) {
        const lower = name.toLowerCase();
        if (!byLowerCase.has(lower)) byLowerCase.set(lower, name);
      }
    }
    const name = byLowerCase.get(path.toLowerCase());
    return name !== undefined && name !== path ? ` (the zip has "${name}": names are case-sensitive on most servers)` : "";
  };
}
