// Turns an href found in a manifest into the zip entry it names, or says why it cannot be one.
// Rules (SCORM CAM content packaging: <resource>/<file> href; cmi5 §13.1.4 AU url and §14 course
// package; docs/validate.md): relative, no leading "/", no "..", inside the zip.

export type HrefResolution =
  | { kind: "file"; path: string; query: string }
  | { kind: "external"; url: string }
  | { kind: "bad"; rule: "href/absolute-path" | "href/dot-dot" | "href/malformed"; reason: string };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;
/** Text that no step below changes before the checks: no space, control, scheme, query, fragment or escape. */
const PLAIN = /^[\w./-]+$/;

/**
 * The URL a browser reads from this text (WHATWG URL Standard, basic URL parser): leading and
 * trailing C0 controls and spaces dropped, every tab and newline removed — so "java\tscript:" is a
 * javascript: URL here as it is in the LMS's browser. Other surrounding whitespace is trimmed too.
 */
function asBrowserReadsIt(text: string): string {
  return text
    .trim()
    .replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "")
    .replace(/[\t\n\r]/g, "");
}

/**
 * `bases`: xml:base values that apply, outermost first (e.g. resources then resource), each may be "".
 */
export function resolveHref(href: string, bases: readonly string[] = []): HrefResolution {
  // The usual href (letters, digits, "_-./", no base) reads as written: no join, no trimming.
  const plain = PLAIN.test(href) && bases.every((base) => base === "");
  const value = plain
    ? href
    : [...bases, href]
        .map(asBrowserReadsIt)
        .filter((part) => part !== "")
        .reduce((acc, part) => {
          if (acc === "" || SCHEME.test(part) || part.startsWith("/")) return part;
          return acc.endsWith("/") ? acc + part : acc + "/" + part;
        }, "");
  if (value === "") return { kind: "bad", rule: "href/malformed", reason: "empty href" };
  if (WINDOWS_DRIVE.test(value) || value.startsWith("/") || value.startsWith("\\")) {
    return { kind: "bad", rule: "href/absolute-path", reason: `"${value}" is an absolute path; hrefs must be relative to the package root` };
  }
  if (SCHEME.test(value)) return { kind: "external", url: value };
  const hashAt = value.indexOf("#");
  const withoutFragment = hashAt >= 0 ? value.slice(0, hashAt) : value;
  const queryAt = withoutFragment.indexOf("?");
  const pathPart = queryAt >= 0 ? withoutFragment.slice(0, queryAt) : withoutFragment;
  const query = queryAt >= 0 ? withoutFragment.slice(queryAt + 1) : "";
  if (pathPart.includes("\\")) {
    return { kind: "bad", rule: "href/malformed", reason: `"${value}" uses a backslash; use forward slashes` };
  }
  let decoded = pathPart;
  try {
    if (pathPart.includes("%")) decoded = decodeURIComponent(pathPart);
  } catch {
    return { kind: "bad", rule: "href/malformed", reason: `"${value}" has malformed percent-encoding` };
  }
  const segments = decoded.split("/");
  if (segments.includes("..")) {
    return { kind: "bad", rule: "href/dot-dot", reason: `"${value}" contains "..": hrefs must stay inside the package` };
  }
  const path = segments.filter((s) => s !== "." && s !== "").join("/");
  if (path === "") return { kind: "bad", rule: "href/malformed", reason: `"${value}" names no file` };
  return { kind: "file", path, query };
}
