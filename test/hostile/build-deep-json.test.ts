// Hostile input: a value nested 20,000 deep in course.json. Before: the schema error's description
// (JSON.stringify of the value) overflowed the stack, exit 70 with a stack trace. Now: course.json is
// read with a documented nesting limit (docs/course-format.md), exit 1 naming the file and the field.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, courseJson, namesIn, runCli, tempFolder, writeCourse } from "./build-support";

afterAll(cleanUp);

const DEPTH = 20_000;

/** courseJson() with `"<field>": <value nested DEPTH deep>` written as raw JSON text. */
function deepCourse(field: string, open: string, close: string): string {
  const base = JSON.stringify(courseJson());
  return `${base.slice(0, -1)},${JSON.stringify(field)}:${open.repeat(DEPTH)}1${close.repeat(DEPTH)}}`;
}

describe("build: values nested 20,000 deep in course.json", () => {
  for (const [label, field, open, close] of [
    ["objects in the description", "description", '{"a":', "}"],
    ["arrays in an unknown property", "extra", "[", "]"],
    ["objects in an unknown property", "extra", '{"a":', "}"],
  ] as const) {
    it(`${label} → exit 1 naming course.json /${field}, no internal error`, async () => {
      const parent = await tempFolder();
      const dir = await writeCourse(parent, { "course.json": deepCourse(field, open, close) });
      const r = await runCli(parent, "build", dir, "--out", "out");
      expect(r.code, r.err).toBe(1);
      expect(r.err).toMatch(new RegExp(`course\\.json /${field}(/\\S*)?: expected at most 32 levels of nesting`));
      expect(r.err).not.toMatch(/internal error|Maximum call stack/);
      expect(await namesIn(join(parent, "out"))).toEqual([]);
    });
  }
});
