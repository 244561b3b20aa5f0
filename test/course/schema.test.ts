// schema/course.schema.json: compiles under ajv's strict mode, every union says in words what it
// expects (that text is what authors read in errors), and the starter points editors at it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeSchemaErrors } from "../../authoring/course/schema-check";
import courseSchema from "../../schema/course.schema.json";
import Ajv2020 from "ajv/dist/2020";

function* nodes(value: unknown, at: string): Generator<[string, Record<string, unknown>]> {
  if (value === null || typeof value !== "object") return;
  if (!Array.isArray(value)) yield [at, value as Record<string, unknown>];
  for (const [key, child] of Object.entries(value)) yield* nodes(child, `${at}/${key}`);
}

describe("course JSON Schema", () => {
  it("every anyOf, pattern and range check (outside union branches) carries an x-expected wording", () => {
    const missing: string[] = [];
    for (const [at, node] of nodes(courseSchema, "#")) {
      const needsWording = "anyOf" in node || ("pattern" in node && !at.endsWith("/properties")) || "exclusiveMinimum" in node || "maximum" in node;
      const unionBranch = /\/anyOf\/\d+$/.test(at); // worded by the anyOf around it
      if (needsWording && !unionBranch && typeof node["x-expected"] !== "string") missing.push(at);
    }
    expect(missing).toEqual([]);
  });

  it("describes unions in one message instead of one per branch", () => {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
    const validate = ajv.compile(courseSchema);
    validate({ id: "https://e.com/c", title: "T", assessment: { questions: [{ id: "q", type: "true-false", prompt: "?", answer: true }], attempts: "many" } });
    expect(describeSchemaErrors(validate.errors ?? [])).toEqual([
      { path: "/assessment/attempts", message: 'expected a whole number of at least 1, or "unlimited", found "many"' },
    ]);
  });

  it("is what the starter's $schema points to", () => {
    const starter = JSON.parse(readFileSync("templates/starter/course.json", "utf8")) as { $schema: string };
    expect(path.resolve("templates/starter", starter.$schema)).toBe(path.resolve("schema/course.schema.json"));
  });
});
