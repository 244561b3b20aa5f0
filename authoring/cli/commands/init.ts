// `passmark init <dir> [--template <name>]`: a working course to start from (templates/<name>).
import { cp, readFile, readdir, stat, writeFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { closest } from "../../course/did-you-mean";
import { packageRoot, templatesDir } from "../../paths";
import { expectPositionals, parseCommandArgs } from "../args";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { FileProblemError, UsageError, displayPath, type CliIo } from "../io";

/** The course templates under templates/ (templates/shell is the package's index.html, not a course). */
export const TEMPLATES: Readonly<Record<string, string>> = {
  starter: "fire safety: pages, audio with captions, every question type, a bank, a rubric with mods",
  observation: "safe lifting: tasks a trainer rates (rubric, marking guide, number of errors), a self-assessment",
  "multi-unit": "workplace safety in three units (a welcome, two with an assessment), each launched and recorded on its own",
};
const DEFAULT_TEMPLATE = "starter";

function templateName(value: unknown): string {
  const name = typeof value === "string" ? value : DEFAULT_TEMPLATE;
  if (Object.prototype.hasOwnProperty.call(TEMPLATES, name)) return name;
  const known = Object.keys(TEMPLATES);
  const suggestion = closest(name, known);
  throw new UsageError(`--template "${name}" is not one of ${known.join(", ")}${suggestion ? ` (did you mean "${suggestion}"?)` : ""}`, "init");
}

async function assertEmptyOrMissing(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info) return;
  if (!info.isDirectory()) throw new FileProblemError(`${dir} exists and is not a folder`);
  const entries = await readdir(dir);
  if (entries.length > 0)
    throw new FileProblemError(
      `${dir} is not empty (${entries.length} entr${entries.length === 1 ? "y" : "ies"}); passmark init only writes into a new or empty folder`,
    );
}

/** What `passmark preview` keeps in the course folder (its builds, the local LMS's records) stays out of git. */
const GITIGNORE = `# passmark preview's builds and the records of its local LMS (statements, state, SCORM data)
.passmark/
`;

/** Writes <dir>/.gitignore unless the template brought one (npm does not publish .gitignore files). */
async function writeGitignore(dir: string): Promise<void> {
  await writeFile(join(dir, ".gitignore"), GITIGNORE, { flag: "wx" }).catch((error: unknown) => {
    if ((error as { code?: unknown }).code !== "EEXIST") throw error;
  });
}

/** Points course.json's "$schema" at passmark's schema from the new folder, so editors keep autocompleting. */
async function relinkSchema(courseFile: string, dir: string): Promise<void> {
  const text = await readFile(courseFile, "utf8");
  const schemaFile = join(packageRoot(), "schema", "course.schema.json");
  const exists = await stat(schemaFile).then(
    () => true,
    () => false,
  );
  if (!exists) return;
  const link = relative(dir, schemaFile).split(sep).join("/");
  const updated = text.replace(/("\$schema"\s*:\s*)"[^"]*"/, (_m, key: string) => `${key}${JSON.stringify(link)}`);
  if (updated !== text) await writeFile(courseFile, updated);
}

export const initCommand: Command = {
  name: "init",
  summary: "create a new course folder from a template (the starter course by default)",
  help: `Usage: passmark init <dir> [--template <name>]

Creates <dir> with a working course to edit: course.json, Markdown pages and assets. <dir> must not
exist or be empty.

Options:
  --template <name>  the course to start from; default: ${DEFAULT_TEMPLATE}
${Object.entries(TEMPLATES)
  .map(([name, about]) => `      ${name.padEnd(13)}${about}`)
  .join("\n")}

Then:  passmark build <dir>`,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs("init", argv, { template: { type: "string", short: "t" } });
    expectPositionals("init", positionals, ["dir"]);
    const template = templateName(values["template"]);
    const dir = resolve(io.cwd, positionals[0] ?? "");
    await assertEmptyOrMissing(dir);
    await cp(join(templatesDir(), template), dir, { recursive: true, errorOnExist: true, force: false });
    await relinkSchema(join(dir, "course.json"), dir);
    await writeGitignore(dir);
    const shown = displayPath(io.cwd, dir);
    const made = new Set(await readdir(dir));
    const contents = [
      ["course.json", "the course: pages, assessment, rubric, reporting, targets"],
      ["pages/", "Markdown page bodies"],
      ["assets/", "images, audio, video, captions"],
      [".gitignore", "keeps .passmark/ (what passmark preview keeps) out of git"],
    ].filter(([name]) => made.has(name!.replace(/\/$/, "")));
    io.out(`Created a course in ${shown} (template: ${template})
${contents.map(([name, about]) => `  ${name!.padEnd(14)}${about}`).join("\n")}
Next: passmark build ${shown}`);
    return EXIT.ok;
  },
};
