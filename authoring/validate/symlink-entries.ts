// Zip entries stored as symbolic links: the Unix mode in the high 16 bits of an entry's external
// file attributes (APPNOTE.TXT §4.4.15) is S_IFLNK. An LMS or a tool that unpacks the package with
// links kept may follow one out of the package (e.g. to /etc/passwd); package files are regular files.
import type { Entry } from "yauzl";
import type { PackageProblem } from "./report";

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export function isSymlinkEntry(entry: Pick<Entry, "externalFileAttributes">): boolean {
  return ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK;
}

export function symlinkWarnings(entries: ReadonlyMap<string, Pick<Entry, "externalFileAttributes">>): PackageProblem[] {
  const problems: PackageProblem[] = [];
  for (const [name, entry] of entries) {
    if (!isSymlinkEntry(entry)) continue;
    problems.push({
      rule: "zip/symlink-entry",
      severity: "warning",
      file: name,
      line: null,
      message: "this entry is a symbolic link: unpacked with links kept, it can point outside the package; store the file itself",
    });
  }
  return problems;
}
