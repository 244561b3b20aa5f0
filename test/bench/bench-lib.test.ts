// The benchmark harness's own logic (the benchmarks themselves run with `npm run bench`, not here):
// statistics, round-trip counting, contributor grouping, the results table, and the generated
// course that the build, delivery and SCORM figures rely on.
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import { questionIndex, scoreQuestion } from "../../runtime/assessment";
import { sequentialRoundTrips } from "../../bench/lib/browser";
import { correctResponse, wrongResponse } from "../../bench/lib/answers";
import { generateCourse } from "../../bench/lib/course-generator";
import { replaceSection } from "../../bench/lib/readme";
import { launchFileSets } from "../../bench/lib/runtime-payload";
import { markdownTable, row } from "../../bench/lib/report";
import { median, spread } from "../../bench/lib/stats";
import { contributorOf } from "../../bench/figures/payload";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe("statistics", () => {
  it("takes the middle value, or the mean of the two middle values", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no values/);
    expect(spread([3, 1, 2])).toBe("median of 3, range 1–3");
  });
});

describe("sequential round trips", () => {
  it("counts the longest chain of requests that wait for each other", () => {
    // passmark's launch: fetch, then three reads in parallel.
    expect(
      sequentialRoundTrips([
        { start: 0, end: 100 },
        { start: 101, end: 200 },
        { start: 101, end: 205 },
        { start: 102, end: 210 },
      ]),
    ).toBe(2);
    // the reference libraries: four requests one after the other.
    expect(
      sequentialRoundTrips([
        { start: 0, end: 100 },
        { start: 100, end: 200 },
        { start: 201, end: 300 },
        { start: 300, end: 400 },
      ]),
    ).toBe(4);
    expect(sequentialRoundTrips([])).toBe(0);
  });
});

describe("payload contributors", () => {
  it("groups inputs by npm package (scoped too), runtime folder, or LMS driver", () => {
    expect(contributorOf("node_modules/preact/dist/preact.module.js")).toBe("preact");
    expect(contributorOf("node_modules/@xapi/xapi/dist/XAPI.esm.js")).toBe("@xapi/xapi");
    expect(contributorOf("runtime/lms/cmi5/outbox.ts")).toBe("runtime/lms/cmi5");
    expect(contributorOf("runtime/ui/app.tsx")).toBe("runtime/ui");
    expect(contributorOf("runtime/assessment/codec/state-codec.ts")).toBe("runtime/assessment");
    expect(contributorOf("runtime/lms/detect.ts")).toBe("runtime/lms");
    expect(contributorOf("runtime/main.ts")).toBe("runtime/main.ts");
  });
});

describe("results table", () => {
  it("prints PASS, FAIL and reported-only rows, and figures that could not be measured", () => {
    const table = markdownTable([
      {
        id: "a",
        title: "1. A",
        method: "",
        rows: [row("size", 2048, "bytes", (n) => `${n} B`, { text: "≤ 4 KB", pass: true }), row("time", 5, "ms", (n) => `${n} ms`)],
      },
      { id: "b", title: "2. B", method: "", rows: [row("ratio", 0.9, "ratio", (n) => `${n}×`, { text: "≤ 0.5×", pass: false }, "a | b")] },
      { id: "c", title: "3. C", method: "", rows: [], error: "Chromium missing" },
    ]);
    expect(table.split("\n")).toEqual([
      "| Figure | Measure | Value | Target | Result |",
      "| --- | --- | --- | --- | --- |",
      "| 1. A | size | 2048 B | ≤ 4 KB | PASS |",
      "| 1. A | time | 5 ms |  | — |",
      "| 2. B | ratio | 0.9× (a \\| b) | ≤ 0.5× | **FAIL** |",
      "| 3. C | not measured | Chromium missing | | — |",
    ]);
  });
});

describe("generated benchmark course", () => {
  it("loads with the real loader, carries its media, and the simulated learner's answers score as intended", async () => {
    const dir = await mkdtemp(join(tmpdir(), "passmark-bench-test-"));
    dirs.push(dir);
    await generateCourse(dir, { name: "t", pages: 6, questions: 14, mediaBytes: 3 * 1024, mediaFiles: 3, attempts: 3 });
    const loaded = await loadCourse(dir);
    expect(loaded.data.pages).toHaveLength(6);
    expect(loaded.assets.map((a) => a.zipPath).filter((p) => p.endsWith(".mp4"))).toHaveLength(3);
    expect((await stat(join(dir, "assets", "clip-000.mp4"))).size).toBe(1024);
    expect((await readdir(join(dir, "pages"))).length).toBe(6);
    const questions = [...questionIndex(loaded.data.assessment!).values()];
    expect(new Set(questions.map((q) => q.type)).size).toBe(7);
    for (const q of questions) {
      expect(scoreQuestion(q, correctResponse(q)), q.id).toBe(100);
      expect(scoreQuestion(q, wrongResponse(q)), q.id).toBeLessThan(100);
    }
  });
});

describe("README Performance section", () => {
  it("appends the section when absent and replaces only that section when present", () => {
    const appended = replaceSection("# passmark\n\nIntro.\n", "| a |");
    expect(appended).toBe("# passmark\n\nIntro.\n\n## Performance\n\n| a |\n");
    const replaced = replaceSection("# passmark\n\n## Performance\n\nold table\n\n## Licence\n\nMIT\n", "new table");
    expect(replaced).toBe("# passmark\n\n## Performance\n\nnew table\n\n## Licence\n\nMIT\n");
    expect(replaceSection(replaced, "newer")).toBe("# passmark\n\n## Performance\n\nnewer\n\n## Licence\n\nMIT\n");
  });
});

describe("what a launch downloads", () => {
  const output = (imports: { path: string; kind: string }[], entryPoint?: string) => ({ inputs: {}, bytes: 1, imports, ...(entryPoint ? { entryPoint } : {}) });

  it("is each package's bundle with its static imports; lazy chunks are left out", () => {
    const sets = launchFileSets({
      outputs: {
        "dist/runtime/passmark.scorm12.js": output(
          [
            { path: "dist/runtime/shared.js", kind: "import-statement" },
            { path: "dist/runtime/grading.js", kind: "dynamic-import" }, // a lazy UI chunk: no launch loads it
          ],
          "runtime/entry-scorm12.ts",
        ),
        "dist/runtime/passmark.cmi5.js": output(
          [
            { path: "dist/runtime/shared.js", kind: "import-statement" },
            { path: "dist/runtime/tiny.js", kind: "import-statement" },
            { path: "dist/runtime/grading.js", kind: "dynamic-import" },
          ],
          "runtime/entry-cmi5.ts",
        ),
        "dist/runtime/grading.js": output([{ path: "dist/runtime/shared.js", kind: "import-statement" }], "runtime/ui/grading/grading-chunk.ts"),
        "dist/runtime/shared.js": output([{ path: "dist/runtime/tiny.js", kind: "import-statement" }]),
        "dist/runtime/tiny.js": output([]),
      },
    });
    expect(sets).toEqual([
      { launch: "cmi5", files: ["dist/runtime/passmark.cmi5.js", "dist/runtime/shared.js", "dist/runtime/tiny.js"] },
      { launch: "scorm12", files: ["dist/runtime/passmark.scorm12.js", "dist/runtime/shared.js", "dist/runtime/tiny.js"] },
    ]);
  });

  it("fails loudly when the metafile has no bundle", () => {
    expect(() => launchFileSets({ outputs: { "dist/runtime/passmark.js": output([], "runtime/main.ts") } })).toThrow(
      /no output for a runtime\/entry-\*\.ts bundle/,
    );
  });
});
