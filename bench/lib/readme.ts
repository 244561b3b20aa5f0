// `--readme`: writes the latest results table into README.md's "## Performance" section (appended
// at the end when the README has none). Only that section is touched: it runs from its heading to
// the next "## " heading or the end of the file.
import { readFile, writeFile } from "node:fs/promises";

export const PERFORMANCE_HEADING = "## Performance";

export function replaceSection(readme: string, body: string): string {
  const section = `${PERFORMANCE_HEADING}\n\n${body.trim()}\n`;
  const lines = readme.split("\n");
  const start = lines.findIndex((l) => l.trim() === PERFORMANCE_HEADING);
  if (start < 0) return `${readme.replace(/\n*$/, "")}\n\n${section}`;
  const next = lines.findIndex((l, i) => i > start && /^## /.test(l));
  const before = start === 0 ? "" : `${lines.slice(0, start).join("\n")}\n`;
  const after = next < 0 ? "" : `\n${lines.slice(next).join("\n")}`;
  return `${before}${section}${after}`;
}

export async function updateReadme(path: string, body: string): Promise<void> {
  await writeFile(path, replaceSection(await readFile(path, "utf8"), body));
}
