// index.html of every package: templates/shell/index.html with the course's language and title
// filled in (no inline script: the runtime is an external file, so a strict CSP can run it).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CourseData } from "../../runtime/course/types";
import { templatesDir } from "../paths";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `preloads`: runtime module files to fetch in parallel with passmark.js (see runtime-preloads.ts). */
export async function shellHtml(data: CourseData, preloads: readonly string[] = []): Promise<Buffer> {
  const template = await readFile(join(templatesDir(), "shell", "index.html"), "utf8");
  if (/<script\b[^>]*>[^<\s]/i.test(template)) throw new Error("templates/shell/index.html must not contain inline script");
  const html = template
    .replace(/<html\b([^>]*)\blang="[^"]*"/i, (_m, before: string) => `<html${before}lang="${escapeHtml(data.language)}"`)
    .replace(/<title>[^<]*<\/title>/i, () => `<title>${escapeHtml(data.title)}</title>`)
    .replace(/(<script type="module" src="runtime\/passmark\.js"><\/script>)/i, (script: string) =>
      [script, ...preloads.map((href) => `<link rel="modulepreload" href="${escapeHtml(href)}">`)].join("\n"),
    );
  return Buffer.from(html, "utf8");
}
