// `passmark init <dir>`: a working course to start from (templates/starter).
import { cp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { packageRoot, templatesDir } from "../../paths";
import { expectPositionals, parseCommandArgs } from "../args";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { FileProblemError, displayPath, type CliIo } from "../io";

async function assertEmptyOrMissing(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) throw new FileProblemError(`${dir} exists and is not a folder`);
  const entries = await readdir(dir);
  if (entries.length > 0) throw new FileProblemError(`${dir} is not empty (${entries.length} entr${entries.length === 1 ? "y" : "ies"}); passmark init only writes into a new or empty folder`);
}

/** Points course.json's "$schema" at passmark's schema from the new folder, so editors keep autocompleting. */
async function relinkSchema(courseFile: string, dir: string): Promise<void> {
  const text = await readFile(courseFile, "utf8");
  const schemaFile = join(packageRoot(), "schema", "course.schema.json");
  const exists = await stat(schemaFile).then(() => true, () => false);
  if (!exists) return;
  const link = relative(dir, schemaFile).split(sep).join("/");
  const updated = text.replace(/("\$schema"\s*:\s*)"[^"]*"/, (_m, key: string) => `${key}${JSON.stringify(link)}`);
  if (updated !== text) await writeFile(courseFile, updated);
}

export const initCommand: Command = {
  name: "init",
  summary: "create a new course folder from the starter course",
  help: `Usage: passmark init <dir>

Creates <dir> with a working course to edit: course.json (every question type, an assessment with
attempts and a pass-fail rubric with mods), Markdown pages and assets. <dir> must not exist or be empty.

Then:  passmark build <dir>`,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { positionals } = parseCommandArgs("init", argv, {});
    expectPositionals("init", positionals, ["dir"]);
    const dir = resolve(io.cwd, positionals[0] ?? "");
    await assertEmptyOrMissing(dir);
    await cp(join(templatesDir(), "starter"), dir, { recursive: true, errorOnExist: true, force: false });
    await relinkSchema(join(dir, "course.json"), dir);
    const shown = displayPath(io.cwd, dir);
    io.out(`Created a course in ${shown}
  course.json   the course: pages, assessment, rubric, reporting, targets
  pages/        Markdown page bodies
  assets/       images, audio, video, captions
Next: passmark build ${shown}`);
    return EXIT.ok;
  },
};
