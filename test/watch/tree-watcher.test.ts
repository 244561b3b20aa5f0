// The course-folder watcher: a save is reported once per burst, a folder made later is watched, the
// folders it must skip (the preview's working folder, the build's output, hidden ones) report
// nothing, and close() stops it. Events are awaited (expect.poll), never slept for.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isInside, isNeverCourseSource, watchTree, type TreeWatcher } from "../../authoring/watch/tree-watcher";

let root: string;
let watcher: TreeWatcher | null = null;
let batches: string[][] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "passmark-tree-watch-"));
  await mkdir(join(root, "pages"));
  await mkdir(join(root, "out"));
  await mkdir(join(root, ".passmark"));
  batches = [];
});
afterEach(async () => {
  watcher?.close();
  watcher = null;
  await rm(root, { recursive: true, force: true });
});

const start = (): TreeWatcher =>
  (watcher = watchTree(root, { ignore: (path) => isInside(join(root, "out"), path), onChange: (paths) => batches.push(paths), debounceMs: 150 }));
const seen = (): string[] => batches.flat();

describe("watchTree", () => {
  it("reports a storm of saves as one burst, and nothing from the folders it skips", async () => {
    start();
    expect(watcher!.folders).toBe(2); // the root and pages/, not out/ nor .passmark/
    // Skipped folders first: had they been watched, their events would come before the sentinel's.
    await writeFile(join(root, "out", "course.zip"), "zip");
    await writeFile(join(root, ".passmark", "preview-lrs.json"), "{}");
    await writeFile(join(root, "pages", ".welcome.md.swp"), "swap");
    await Promise.all(Array.from({ length: 20 }, (_, i) => writeFile(join(root, "pages", "welcome.md"), `save ${i}`)));
    await expect.poll(() => seen()).toContain(join(root, "pages", "welcome.md"));
    expect(batches).toHaveLength(1);
    expect(seen().every((path) => path === join(root, "pages", "welcome.md"))).toBe(true);
  });

  it("watches a folder made after it started, and forgets one removed", async () => {
    start();
    await mkdir(join(root, "assets"));
    await expect.poll(() => watcher!.folders).toBe(3);
    await writeFile(join(root, "assets", "logo.svg"), "<svg/>");
    await expect.poll(() => seen()).toContain(join(root, "assets", "logo.svg"));
    await rm(join(root, "assets"), { recursive: true });
    await expect.poll(() => watcher!.folders).toBe(2);
  });

  it("reports nothing once closed", async () => {
    start();
    watcher!.close();
    expect(watcher!.folders).toBe(0);
    await writeFile(join(root, "course.json"), "{}");
    // A second watcher sees the next save: by then the closed one would have reported the first.
    const other: string[][] = [];
    const second = watchTree(root, { onChange: (paths) => other.push(paths), debounceMs: 40 });
    await writeFile(join(root, "course.json"), "{ }");
    await expect.poll(() => other.flat()).toContain(join(root, "course.json"));
    second.close();
    expect(batches).toEqual([]);
  });

  it("knows what is never a course source", () => {
    expect(isNeverCourseSource(root, join(root, ".passmark", "x"))).toBe(true);
    expect(isNeverCourseSource(root, join(root, "pages", "welcome.md~"))).toBe(true);
    expect(isNeverCourseSource(root, join(root, "node_modules", "a"))).toBe(true);
    expect(isNeverCourseSource(root, join(root, "pages", "welcome.md"))).toBe(false);
    expect(isInside(join(root, "out"), join(root, "out", "a.zip"))).toBe(true);
    expect(isInside(join(root, "out"), join(root, "outside"))).toBe(false);
    expect(isInside(join(root, "out"), root)).toBe(false);
  });
});
