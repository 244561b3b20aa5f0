// The code of rated tasks (runtime/assessment/task-kit.ts) is a lazy chunk: no file a launch loads
// before its first page (bench/lib/runtime-payload.ts launchFileSets) holds it, and the chunk that
// runtime/assessment/task-kit-code.ts starts holds all of it. Reads the metafile of `node build.mjs`.
import { describe, expect, it } from "vitest";
import { launchFileSets, readMetafile } from "../../bench/lib/runtime-payload";

const TASK_CODE = [
  "runtime/assessment/task-rating.ts",
  "runtime/assessment/grading-forms.ts",
  "runtime/assessment/grading-form-rubric.ts",
  "runtime/assessment/grading-form-guide.ts",
  "runtime/assessment/grading-form-errors.ts",
  "runtime/assessment/grading-form-sum.ts",
  "runtime/assessment/codec/task-tokens.ts",
  "runtime/assessment/interactions/task-report.ts",
];

describe("the task code chunk", () => {
  it("is in no file a cmi5, SCORM or Tin Can launch loads, and all of it is in the task-kit chunk of each bundle", async () => {
    const meta = await readMetafile();
    const sets = launchFileSets(meta);
    expect(sets.map((s) => s.launch).sort()).toEqual(["cmi5", "scorm12", "scorm2004", "xapi"]);
    for (const { launch, files } of sets) {
      const loaded = files.flatMap((f) => Object.keys(meta.outputs[f]?.inputs ?? {}));
      expect(loaded.length, launch).toBeGreaterThan(0);
      for (const input of TASK_CODE) expect(loaded, `${launch}: ${input}`).not.toContain(input);
    }
    const kits = Object.entries(meta.outputs).filter(([, o]) => o.entryPoint === "runtime/assessment/task-kit-code.ts");
    expect(kits.length).toBeGreaterThan(0);
    for (const [, kit] of kits) for (const input of TASK_CODE) expect(Object.keys(kit.inputs)).toContain(input);
    // Each bundle reaches a task-kit chunk (two bundles whose chunk has the same bytes share its file name).
    const reaches = (from: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(from)) return seen;
      seen.add(from);
      for (const i of meta.outputs[from]?.imports ?? []) reaches(i.path, seen);
      return seen;
    };
    for (const bundle of ["cmi5", "scorm12", "scorm2004", "xapi"]) {
      const graph = reaches(`dist/runtime/passmark.${bundle}.js`);
      expect(
        kits.some(([path]) => graph.has(path)),
        bundle,
      ).toBe(true);
    }
  });
});
