// Hostile input: a FIFO (named pipe) where passmark reads a file. Before: reading course.json from
// a FIFO blocked for ever (the build hung). Now: everything build reads must be a regular file;
// a FIFO, device or socket is an error naming it, exit 1, at once. Run as the real command, killed
// after a generous timeout, so that a hang fails the test instead of blocking the test worker.
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanUp, courseJson, namesIn, runBin, tempFolder, writeCourse } from "./build-support";

afterAll(cleanUp);

const HANG_TIMEOUT_MS = 20_000;
// mkfifo exists on every POSIX system; Windows has no named pipes in the file system.
const noMkfifo = process.platform === "win32";

function mkfifo(path: string): void {
  execFileSync("mkfifo", [path]);
}

describe.skipIf(noMkfifo)("build: a FIFO where a file is read", () => {
  it(
    "course.json is a FIFO → exit 1 naming course.json, no hang",
    async () => {
      const parent = await tempFolder();
      const dir = await writeCourse(parent, {});
      mkfifo(join(dir, "course.json"));
      const r = await runBin(parent, HANG_TIMEOUT_MS, "build", dir, "--out", "out");
      expect(r.code, `exit ${r.code}: ${r.err}`).toBe(1);
      expect(r.err).toMatch(/course\.json: expected the course definition .*course\.json to be a regular file, found a FIFO \(named pipe\)/);
      expect(await namesIn(join(parent, "out"))).toEqual([]);
    },
    HANG_TIMEOUT_MS + 10_000,
  );

  it(
    "a page's Markdown file is a FIFO → exit 1 naming it at course.json /pages/0/body",
    async () => {
      const parent = await tempFolder();
      const dir = await writeCourse(parent, { "course.json": courseJson({ pages: [{ id: "p", title: "P", body: "pages/p.md" }] }) });
      execFileSync("mkdir", ["-p", join(dir, "pages")]);
      mkfifo(join(dir, "pages", "p.md"));
      const r = await runBin(parent, HANG_TIMEOUT_MS, "build", dir, "--out", "out");
      expect(r.code, `exit ${r.code}: ${r.err}`).toBe(1);
      expect(r.err).toMatch(/course\.json \/pages\/0\/body: expected the Markdown file "pages\/p\.md" to be a regular file, found a FIFO \(named pipe\)/);
    },
    HANG_TIMEOUT_MS + 10_000,
  );

  it(
    "an asset (captions) is a FIFO → exit 1 naming it at its JSON path",
    async () => {
      const parent = await tempFolder();
      const dir = await writeCourse(parent, {
        "course.json": courseJson({ pages: [{ id: "p", title: "P", media: [{ kind: "audio", src: "assets/a.mp3", captions: "assets/a.vtt" }] }] }),
        "assets/a.mp3": Buffer.alloc(16),
      });
      mkfifo(join(dir, "assets", "a.vtt"));
      const r = await runBin(parent, HANG_TIMEOUT_MS, "build", dir, "--out", "out");
      expect(r.code, `exit ${r.code}: ${r.err}`).toBe(1);
      expect(r.err).toMatch(
        /course\.json \/pages\/0\/media\/0\/captions: expected the captions file "assets\/a\.vtt" to be a regular file, found a FIFO \(named pipe\)/,
      );
    },
    HANG_TIMEOUT_MS + 10_000,
  );

  it(
    "an asset that is a character device (a link to /dev/zero) → exit 1 naming it",
    async () => {
      const parent = await tempFolder();
      const dir = await writeCourse(parent, {
        "course.json": courseJson({ pages: [{ id: "p", title: "P", body: { markdown: "![Zero](assets/zero.png)" } }] }),
      });
      execFileSync("mkdir", ["-p", join(dir, "assets")]);
      execFileSync("ln", ["-s", "/dev/zero", join(dir, "assets", "zero.png")]);
      const r = await runBin(parent, HANG_TIMEOUT_MS, "build", dir, "--out", "out");
      expect(r.code, `exit ${r.code}: ${r.err}`).toBe(1);
      expect(r.err).toMatch(/course\.json \/pages\/0\/body\/markdown: expected the image "assets\/zero\.png" to be a regular file, found a character device/);
    },
    HANG_TIMEOUT_MS + 10_000,
  );
});
