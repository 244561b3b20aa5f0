// Validates course.json against schema/course.schema.json with ajv (allErrors) and turns ajv's
// errors into CourseProblems an author can act on: file, JSON path, expected, found.
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import courseSchema from "../../schema/course.schema.json";
import { closest } from "./did-you-mean";
import { describeValue, pointer, type ProblemList } from "./problems";

/** Schema annotation: how to say what a value should be, used instead of ajv's own wording. */
const EXPECTED = "x-expected";

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  if (!compiled) {
    // discriminator: a grading form is checked only against the shape its "method" names.
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, discriminator: true });
    addFormats(ajv);
    ajv.addKeyword({ keyword: EXPECTED, schemaType: "string" });
    compiled = ajv.compile(courseSchema);
  }
  return compiled;
}

/** Validate the parsed course.json; report every schema violation into `problems`. True when valid. */
export function checkCourseSchema(json: unknown, file: string, problems: ProblemList): boolean {
  const validate = validator();
  if (validate(json)) return true;
  for (const { path, message } of describeSchemaErrors(validate.errors ?? [])) problems.error(file, path, message);
  return false;
}

interface Finding {
  path: string;
  message: string;
}

/** ajv errors → one readable finding per mistake (union branches folded, duplicates dropped). */
export function describeSchemaErrors(errors: readonly ErrorObject[]): Finding[] {
  // An anyOf with an "expected" annotation speaks for everything its branches said about that value.
  const folded = errors.filter((e) => e.keyword === "anyOf" && typeof e.parentSchema?.[EXPECTED] === "string").map((e) => e.instancePath);
  const isFolded = (e: ErrorObject): boolean =>
    e.keyword !== "anyOf" && e.keyword !== "additionalProperties" && folded.some((p) => e.instancePath === p || e.instancePath.startsWith(p + "/"));

  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === "if" || isFolded(error)) continue; // "must match then": the then-branch errors say why
    // A discriminator without its property: "required" says so already.
    if (error.keyword === "discriminator" && (error.params as { tagValue?: unknown }).tagValue === undefined) continue;
    const finding = describe(error);
    const key = `${finding.path}\u0000${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}

function describe(e: ErrorObject): Finding {
  const params = e.params as Record<string, unknown>;
  const found = describeValue(e.data);
  switch (e.keyword) {
    case "required":
      return { path: e.instancePath, message: `missing required property "${String(params.missingProperty)}"` };
    case "additionalProperties": {
      const name = String(params.additionalProperty);
      const known = Object.keys((e.parentSchema?.properties as Record<string, unknown> | undefined) ?? {});
      const suggestion = closest(name, known);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : known.length ? `; expected one of ${known.map((k) => `"${k}"`).join(", ")}` : "";
      return { path: e.instancePath + pointer(name), message: `unknown property "${name}"${hint}` };
    }
    case "discriminator":
      return discriminated(e, params);
  }
  const annotated = e.parentSchema?.[EXPECTED];
  const expected = typeof annotated === "string" ? annotated : expectation(e.keyword, params);
  return { path: e.instancePath, message: `expected ${expected}, found ${found}${enumHint(e)}` };
}

/**
 * A oneOf picked by a property (a grading form's "method"): a value of that property that names no
 * branch. A missing property is already reported by "required".
 */
function discriminated(e: ErrorObject, params: Record<string, unknown>): Finding {
  const tag = String(params.tag);
  const branches = (e.parentSchema?.oneOf as { $ref?: string }[] | undefined) ?? [];
  const allowed = branches.flatMap((b) => {
    const target = typeof b.$ref === "string" ? resolveLocal(b.$ref) : b;
    const value = (target as { properties?: Record<string, { const?: unknown }> } | undefined)?.properties?.[tag]?.const;
    return typeof value === "string" ? [value] : [];
  });
  const path = e.instancePath + pointer(tag);
  const value = params.tagValue;
  const list = allowed.map((v) => JSON.stringify(v));
  const expected = list.length > 1 ? `${list.slice(0, -1).join(", ")} or ${list[list.length - 1]}` : list.join("");
  const suggestion = typeof value === "string" ? closest(value, allowed) : undefined;
  return { path, message: `expected ${expected}, found ${describeValue(value)}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}` };
}

/** A "#/$defs/name" reference of the course schema. */
function resolveLocal(ref: string): unknown {
  const name = /^#\/\$defs\/([^/]+)$/.exec(ref)?.[1];
  return name === undefined ? undefined : (courseSchema.$defs as Record<string, unknown>)[name];
}

/** " (did you mean "passed"?)" for a misspelt value of a fixed list, e.g. "when": "pass". */
function enumHint(e: ErrorObject): string {
  if (e.keyword !== "enum" || typeof e.data !== "string") return "";
  const allowed = ((e.params as { allowedValues?: unknown[] }).allowedValues ?? []).filter((v): v is string => typeof v === "string");
  const suggestion = closest(e.data, allowed);
  return suggestion ? ` (did you mean "${suggestion}"?)` : "";
}

function expectation(keyword: string, params: Record<string, unknown>): string {
  switch (keyword) {
    case "type":
      return typeName(String(params.type));
    case "enum":
      return `one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return JSON.stringify(params.allowedValue);
    case "minItems":
      return `at least ${String(params.limit)} item${params.limit === 1 ? "" : "s"}`;
    case "maxItems":
      return `at most ${String(params.limit)} items`;
    case "uniqueItems":
      return `no duplicates (items ${String(params.j)} and ${String(params.i)} are the same)`;
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return `a number ${String(params.comparison)} ${String(params.limit)}`;
    case "minLength":
      return "a non-empty text";
    case "pattern":
      return `a text matching ${String(params.pattern)}`;
    default:
      return `a value satisfying "${keyword}"`;
  }
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    string: "a text",
    number: "a number",
    integer: "a whole number",
    boolean: "true or false",
    object: "an object",
    array: "a list",
    null: "null",
  };
  return type
    .split(",")
    .map((t) => names[t] ?? t)
    .join(" or ");
}
