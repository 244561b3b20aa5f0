// cmi5 course structure rules beyond the schema (cmi5 §13, §14; docs/validate.md): absolute-IRI
// and unique ids, moveOn / masteryScore values, AU urls relative and inside the zip or http(s)
// (cmi5 §13.1.4), and no launch parameter names that the LMS appends itself (cmi5 §8.1).
import { closest } from "../course/did-you-mean";
import { CMI5_NS } from "../manifest/namespaces";
import { caseHints } from "./case-hint";
import { attr, descendants, textOf, type DocumentLike } from "./dom";
import { resolveHref } from "./href";
import type { Locate } from "./line-index";
import type { PackageProblem } from "./report";

const FILE = "cmi5.xml";
const MOVE_ON = ["Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"];
/** cmi5 §8.1: the LMS adds these to the AU url; the AU must not use them itself. */
export const RESERVED_LAUNCH_PARAMETERS = ["endpoint", "fetch", "actor", "registration", "activityId"] as const;

function error(rule: string, message: string, line: number | null = null): PackageProblem {
  return { rule, severity: "error", file: FILE, line, message };
}
function warning(rule: string, message: string, line: number | null = null): PackageProblem {
  return { rule, severity: "warning", file: FILE, line, message };
}

export function isAbsoluteIri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:[^\s]+$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function externalQuery(url: string): string {
  try {
    return new URL(url).search.slice(1);
  } catch {
    return "";
  }
}

/** The scheme of an absolute URL, lower-cased and without the colon ("javascript"). */
function schemeOf(url: string): string {
  return url.slice(0, url.indexOf(":")).toLowerCase();
}

/** `at` finds the line of a piece of the course structure's text; it is called only for findings. */
export function checkCmi5CourseStructure(doc: DocumentLike, at: Locate, zipEntries: ReadonlySet<string>): PackageProblem[] {
  const caseHint = caseHints(zipEntries);
  const root = doc.documentElement;
  if (root.localName !== "courseStructure" || root.namespaceURI !== CMI5_NS) {
    return [
      error("cmi5/not-a-course-structure", `root element is <${root.localName}> in "${root.namespaceURI ?? ""}", expected <courseStructure> in ${CMI5_NS}`),
    ];
  }
  const problems: PackageProblem[] = [];

  // Every id in the structure: absolute IRI, and unique.
  const seen = new Map<string, string>();
  for (const name of ["course", "au", "block", "objective"]) {
    for (const element of descendants(doc, CMI5_NS, name)) {
      const id = attr(element, "id");
      if (id === null) continue; // the schema reports a missing id
      if (!isAbsoluteIri(id))
        problems.push(
          error("cmi5/id-not-absolute-iri", `<${name} id="${id}">: ids must be absolute IRIs (e.g. https://example.org/course/unit-1)`, at(`id="${id}"`)),
        );
      const previous = seen.get(id);
      if (previous)
        problems.push(
          error(
            "cmi5/duplicate-id",
            `<${name} id="${id}"> uses the same id as a <${previous}>; ids must be unique in the course structure`,
            at(`id="${id}"`, { last: true }),
          ),
        );
      else seen.set(id, name);
    }
  }

  const aus = descendants(doc, CMI5_NS, "au");
  if (aus.length === 0) problems.push(error("cmi5/no-au", "the course structure has no <au>: there is nothing to launch"));

  const launchedBy = new Map<string, string>();
  for (const au of aus) {
    const id = attr(au, "id") ?? "?";
    const moveOn = attr(au, "moveOn");
    if (moveOn === null) {
      problems.push(
        warning(
          "cmi5/move-on-default",
          `au "${id}" has no moveOn: it defaults to NotApplicable, so the LMS treats the AU as satisfied without a launch`,
          at(`id="${id}"`),
        ),
      );
    } else if (!MOVE_ON.includes(moveOn)) {
      const suggestion = closest(moveOn, MOVE_ON);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : "";
      problems.push(error("cmi5/move-on", `au "${id}" moveOn="${moveOn}" is not one of ${MOVE_ON.join(", ")}${hint}`, at(`moveOn="${moveOn}"`)));
    }
    const mastery = attr(au, "masteryScore");
    if (mastery !== null) {
      const value = Number(mastery);
      if (mastery.trim() === "" || !Number.isFinite(value) || value < 0 || value > 1) {
        problems.push(error("cmi5/mastery-score", `au "${id}" masteryScore="${mastery}" is not a decimal from 0 to 1`, at(`masteryScore="${mastery}"`)));
      } else if (moveOn === "Completed" || moveOn === "NotApplicable" || moveOn === null) {
        problems.push(
          warning(
            "cmi5/mastery-score-unused",
            `au "${id}" has masteryScore but moveOn="${moveOn ?? "NotApplicable"}" ignores passing`,
            at(`masteryScore="${mastery}"`),
          ),
        );
      }
    }

    const urlElement = descendants(au, CMI5_NS, "url")[0];
    if (!urlElement) continue; // the schema reports it
    const url = textOf(urlElement);
    // The url's line, or the AU's when the url is written with character references.
    const urlLine = (): number | null => at(`${url}</url>`) ?? at(`id="${id}"`);
    // Several AUs may launch one file (a multi-unit package does), each with its own query.
    const sameUrl = launchedBy.get(url);
    if (sameUrl !== undefined) {
      problems.push(
        warning("cmi5/duplicate-au-url", `au "${id}" has the same url "${url}" as au "${sameUrl}": the learner gets the same content twice`, urlLine()),
      );
    } else launchedBy.set(url, id);
    const resolved = resolveHref(url);
    if (resolved.kind === "bad") {
      problems.push(error(`cmi5/au-url/${resolved.rule.replace("href/", "")}`, `au "${id}" url: ${resolved.reason}`, urlLine()));
    } else if (resolved.kind === "external" && !["http", "https"].includes(schemeOf(resolved.url))) {
      // cmi5 §13.1.4: the AU url is a relative URL or a fully qualified URL the LMS launches in a
      // browser (§8.1 appends the launch parameters to it): javascript:, data:, file:… are not.
      problems.push(
        error(
          "cmi5/au-url-scheme",
          `au "${id}" url "${url}": the ${schemeOf(resolved.url)}: scheme cannot be launched; an AU url is a relative path inside the package or an http(s) URL`,
          urlLine(),
        ),
      );
      continue;
    } else if (resolved.kind === "external") {
      problems.push(warning("cmi5/au-url-external", `au "${id}" url "${url}" is hosted outside the package; it was not checked`, urlLine()));
    } else if (!zipEntries.has(resolved.path)) {
      problems.push(error("cmi5/au-url-missing", `au "${id}" url "${url}": "${resolved.path}" is not in the zip${caseHint(resolved.path)}`, urlLine()));
    }
    const query = resolved.kind === "file" ? resolved.query : resolved.kind === "external" ? externalQuery(resolved.url) : "";
    for (const name of new URLSearchParams(query).keys()) {
      if ((RESERVED_LAUNCH_PARAMETERS as readonly string[]).includes(name)) {
        problems.push(
          error("cmi5/reserved-launch-parameter", `au "${id}" url uses the launch parameter "${name}", which the LMS adds itself (cmi5 §8.1)`, urlLine()),
        );
      }
    }
  }
  return problems;
}
