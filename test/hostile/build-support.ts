// Shared by the test/hostile/build-*.test.ts probes: course folders in temp dirs and `passmark build`
// run in-process (main(argv, io)) or as the real command (bin/passmark.mjs, built by build.mjs).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { CliIo } from "../../authoring/cli/io";
import { main } from "../../authoring/cli/main";
import { REPO_ROOT } from "../fixtures/packages/shared-xsd";

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

const created: string[] = [];

/** A fresh temp folder, removed by cleanUp(). */
export async function tempFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "passmark-hostile-"));
  created.push(dir);
  return dir;
}

/** Removes `dir` in cleanUp() (folders made by other fixtures). */
export function removeLater(dir: string): void {
  created.push(dir);
}

export async function cleanUp(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** `passmark <argv>` in-process, relative paths resolved against `cwd`. */
export async function runCli(cwd: string, ...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/**
 * `node bin/passmark.mjs <argv>` as a child process, killed after `timeoutMs` (code null then): for
 * inputs that could block the whole process (a FIFO).
 */
export function runBin(cwd: string, timeoutMs: number, ...argv: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(REPO_ROOT, "bin", "passmark.mjs"), ...argv], { cwd, timeout: timeoutMs, killSignal: "SIGKILL" }, (error, out, err) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
      resolve({ code, out, err });
    });
  });
}

/** Names in a folder, or [] when it does not exist. */
export async function namesIn(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

/** A minimal valid course.json with one inline page; `extra` is merged in. */
export function courseJson(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "https://example.com/courses/hostile",
    title: "Hostile input",
    pages: [{ id: "p1", title: "Page 1", body: { markdown: "Hello" } }],
    ...extra,
  };
}

/** Writes a course folder `<parent>/course` (objects as JSON) and returns its path. */
export async function writeCourse(parent: string, files: Record<string, string | Buffer | object>): Promise<string> {
  const dir = join(parent, "course");
  for (const [name, content] of Object.entries(files)) {
    const target = join(dir, ...name.split("/"));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, typeof content === "string" || Buffer.isBuffer(content) ? content : JSON.stringify(content, null, 2));
  }
  await mkdir(dir, { recursive: true });
  return dir;
}
