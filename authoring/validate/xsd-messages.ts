// libxml2's schema messages in an author's words: `<imsss:deliveryControls>` instead of
// "Element '{http://www.imsglobal.org/xsd/imsss}deliveryControls'", and a sentence instead of
// "No matching global element declaration available, but demanded by the strict wildcard".
import { closest } from "../course/did-you-mean";
import { CMI5_NS, SCORM12, SCORM2004 } from "../manifest/namespaces";

/** The prefixes the SCORM CAM books and cmi5 use; the manifests' own (default) namespaces print bare. */
const PREFIXES: ReadonlyMap<string, string> = new Map([
  [CMI5_NS, ""],
  [SCORM12.imscp, ""],
  [SCORM12.adlcp, "adlcp:"],
  [SCORM12.imsmd, "imsmd:"],
  [SCORM2004.imscp, ""],
  [SCORM2004.adlcp, "adlcp:"],
  [SCORM2004.adlseq, "adlseq:"],
  [SCORM2004.adlnav, "adlnav:"],
  [SCORM2004.imsss, "imsss:"],
]);

/** What a schema message is about: the element, and the attribute when the message names one. */
export interface XsdSubject {
  element: string | null;
  attribute: string | null;
}

/** "{namespace}local" → "prefix:local" (a namespace of no standard keeps its braces). */
function qualified(name: string): string {
  return name.replace(/\{([^}]*)\}([\w.-]+)/g, (whole, ns: string, local: string) => {
    const prefix = PREFIXES.get(ns);
    return prefix === undefined ? whole : `${prefix}${local}`;
  });
}

function list(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}` : (items[0] ?? "");
}

/** "( {ns}a, {ns}b, ##other{ns}* )" → the elements, as <a>, and "an element of another namespace". */
function expectedElements(text: string): string[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (s.startsWith("##other") ? "an element of another namespace" : s === "*" || s.endsWith("}*") ? "any element" : `<${qualified(s)}>`));
}

function didYouMean(found: string, candidates: readonly string[]): string {
  const names = candidates.filter((c) => c.startsWith("<")).map((c) => c.slice(1, -1));
  const suggestion = closest(found, names);
  return suggestion && suggestion !== found ? ` (did you mean <${suggestion}>?)` : "";
}

/**
 * One libxml2 validity message ("Element '{ns}x', attribute 'y': …") reworded; messages of other
 * shapes are returned with their namespaces shortened.
 */
export function readableXsdMessage(raw: string): { message: string; subject: XsdSubject } {
  const head = /^Element '([^']+)'(?:, attribute '([^']+)')?: ([\s\S]*)$/.exec(raw.trim());
  if (!head) return { message: qualified(raw.trim()), subject: { element: null, attribute: null } };
  const element = qualified(head[1]!);
  const attribute = head[2] === undefined ? null : qualified(head[2]);
  const rest = head[3]!.trim();
  const subject = { element, attribute };
  const tag = `<${element}>`;
  const where = attribute === null ? tag : `${tag} attribute ${attribute}`;
  const say = (message: string): { message: string; subject: XsdSubject } => ({ message, subject });

  if (/^No matching global element declaration available, but demanded by the strict wildcard\.?$/.test(rest)) {
    return say(`${tag} is not an element of its schema: check its name and namespace prefix (here only elements the SCORM schemas declare are allowed)`);
  }
  if (/^No matching global attribute declaration available, but demanded by the strict wildcard\.?$/.test(rest)) {
    return say(`${tag} has the attribute ${attribute ?? "?"}, which its schema does not declare: check its name and namespace prefix`);
  }
  let m = /^This element is not expected\.(?: Expected is(?: one of)? \((.*)\)\.?)?$/.exec(rest);
  if (m) {
    if (m[1] === undefined) return say(`${tag} is not allowed here (wrong place, or one too many)`);
    const expected = expectedElements(m[1]);
    return say(`${tag} is not allowed here: expected ${list(expected)}${didYouMean(element, expected)}`);
  }
  m = /^Missing child element\(s\)\. Expected is(?: one of)? \((.*)\)\.?$/.exec(rest);
  if (m) return say(`${tag} is missing a child element: expected ${list(expectedElements(m[1]!))}`);
  m = /^The attribute '([^']+)' is required but missing\.?$/.exec(rest);
  if (m) return say(`${tag} is missing its required attribute ${qualified(m[1]!)}`);
  if (/^The attribute '([^']+)' is not allowed\.?$/.test(rest) || (attribute !== null && /^The attribute is not allowed\.?$/.test(rest))) {
    return say(`${tag} does not take the attribute ${attribute ?? qualified(/'([^']+)'/.exec(rest)![1]!)}`);
  }
  m = /^\[facet 'enumeration'\] The value '([^']*)' is not an element of the set \{(.*)\}\.?$/.exec(rest);
  if (m) {
    const allowed = [...m[2]!.matchAll(/'([^']*)'/g)].map((v) => v[1]!);
    const suggestion = closest(m[1]!, allowed);
    return say(`${where} is "${m[1]}", expected one of ${allowed.join(", ")}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`);
  }
  m =
    /^\[facet '(max|min)(In|Ex)clusive'\] The value '([^']*)' is (?:greater|less) than (?:or equal to )?the (?:maximum|minimum) value allowed \('([^']*)'\)\.?$/.exec(
      rest,
    );
  if (m) {
    const bound = m[1] === "max" ? (m[2] === "In" ? "at most" : "below") : m[2] === "In" ? "at least" : "above";
    return say(`${where} is ${m[3]}, expected a value ${bound} ${m[4]}`);
  }
  m = /^'([^']*)' is not a valid value of the (?:atomic|local atomic|union|list) type '([^']+)'\.?$/.exec(rest);
  if (m) return say(`${where} is "${m[1]}", which is not a valid ${qualified(m[2]!).replace(/^xs:/, "")}`);
  return say(`${where}: ${qualified(rest)}`);
}
