// What init and build tell the author: init writes a .gitignore for preview's .passmark/; build
// warns while the course id is still the template's example.com IRI, and its "how to try them"
// hint names the course folder and the zips just built.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { howToTry, placeholderIdWarning, shellWord } from "../../authoring/cli/build-notes";
import type { CliIo } from "../../authoring/cli/io";
import { main } from "../../authoring/cli/main";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-build-notes-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: work };
  const code = await main(argv, io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("init", { timeout: 60_000 }, () => {
  it("writes a .gitignore that keeps .passmark/ out of git, and says so", async () => {
    const r = await run("init", "course-a");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^ {2}\.gitignore\s+keeps \.passmark\/ /m);
    const ignore = await readFile(join(work, "course-a", ".gitignore"), "utf8");
    expect(ignore.split("\n").filter((l) => l && !l.startsWith("#"))).toEqual([".passmark/"]);
  });
});

describe("build", { timeout: 120_000 }, () => {
  it("a course with the template's id: a warning naming the id, and the build goes on", async () => {
    expect((await run("init", "course-b", "--template", "observation")).code).toBe(0);
    const r = await run("build", "course-b", "--target", "cmi5", "--out", "zips-b");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('warning: course.json /id: the course id "https://example.com/courses/safe-lifting-observed" is still an example.com IRI');
    expect(r.out).toContain("zips-b/");
  });

  it("a course with an id of its own: no warning; the hint names the folder and the zip", async () => {
    expect((await run("init", "course c", "--template", "observation")).code).toBe(0);
    const file = join(work, "course c", "course.json");
    const course = JSON.parse(await readFile(file, "utf8")) as { id: string };
    course.id = "https://training.acme.test/courses/lifting";
    await writeFile(file, JSON.stringify(course));
    const r = await run("build", "course c", "--target", "scorm12", "--out", "zips-c");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe("");
    const zip = r.out.match(/zips-c\/\S+-scorm12\.zip/)?.[0];
    expect(zip).toBeDefined();
    expect(r.out).toContain(`passmark preview 'course c'   (or one zip: passmark preview ${zip})`);
    expect(r.out).toContain(`check the zips first: passmark validate ${zip}`);
    expect(r.out).not.toContain("templates/starter");
  });
});

describe("the notes", () => {
  it.each([
    ["https://example.com/courses/x", true],
    ["https://www.example.com/x", true],
    ["HTTPS://EXAMPLE.COM/x", true],
    ["https://example.com.acme.org/x", false],
    ["https://notexample.com/x", false],
    ["urn:example.com:x", false],
  ])("placeholderIdWarning(%s) warns: %s", (id, warns) => {
    expect(placeholderIdWarning(id) !== null).toBe(warns);
  });

  it("paths are quoted for the shell only when they need it", () => {
    expect(shellWord("passmark-out/a-cmi5.zip")).toBe("passmark-out/a-cmi5.zip");
    expect(shellWord("my out/a.zip")).toBe("'my out/a.zip'");
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(howToTry("c", ["o/a.zip", "o/b.zip"])).toContain("passmark validate o/a.zip o/b.zip");
  });
});
