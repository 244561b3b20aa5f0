// What `passmark build` says after a build: a warning while the course id is still a template's
// example.com IRI, and how to try the packages just built, named.

/** RFC 2606 reserves example.com for examples: a course id there is the template's, not the author's. */
export function placeholderIdWarning(id: string): string | null {
  let host: string;
  try {
    host = new URL(id).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (host !== "example.com" && !host.endsWith(".example.com")) return null;
  return (
    `the course id "${id}" is still an example.com IRI (the template's): set "id" to an IRI of your own organisation ` +
    `before uploading, e.g. "https://your-organisation.org/courses/<course>". LMSs and LRSs know a course by its id for good, ` +
    `so changing it later makes a new course, with none of the learners' records`
  );
}

/** A command-line argument as the author types it back: quoted when it holds a space or a shell character. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The "How to try them" hint, with the course folder as given and the packages' paths as printed. */
export function howToTry(courseArg: string, zips: readonly string[]): string {
  const first = zips[0];
  return `How to try them:
  - on this machine, as an LMS would launch them, with a live log of what the course reports:
    passmark preview ${shellWord(courseArg)}${first !== undefined ? `   (or one zip: passmark preview ${shellWord(first)})` : ""}
  - upload a zip to your LMS as a new course / activity (Moodle, Canvas, Docebo, TalentLMS, ...), or to
    SCORM Cloud (https://cloud.scorm.com, free account), which runs all five targets and shows the
    data the course reports; cmi5 and xapi need an LMS with cmi5 / Tin Can support (SCORM Cloud has both)
  - check the zips first: passmark validate ${zips.length > 0 ? zips.map(shellWord).join(" ") : "<zip>"}`;
}
