// index.html of every package: templates/shell/index.html with the course's language and title
// filled in, the theme's stylesheet linked when there is one, and the runtime bundle of the
// package's target (no inline script: the runtime is an external file, so a strict CSP can run it).
// A package with units has no course/course.json: its index.html preloads no course data (which
// unit's to fetch is only known from the launch URL).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { CourseData } from "../../runtime/course/types";
import { templatesDir } from "../paths";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * `bundle`: the runtime module the page runs; `preloads`: module files to fetch in parallel with it
 * (see runtime-preloads.ts); `themeCss`: the course's theme stylesheet, linked after passmark.css;
 * `preloadCourseData`: false for a package with units (no course/course.json).
 */
export async function shellHtml(
  data: CourseData,
  bundle: string,
  preloads: readonly string[] = [],
  themeCss: string | null = null,
  preloadCourseData = true,
): Promise<Buffer> {
  const template = await readFile(join(templatesDir(), "shell", "index.html"), "utf8");
  if (/<script\b[^>]*>[^<\s]/i.test(template)) throw new Error("templates/shell/index.html must not contain inline script");
  // The template's script runs runtime/passmark.js: a stand-in for the target's own bundle.
  const slot = /<script type="module" src="runtime\/passmark\.js"><\/script>/i;
  if (!slot.test(template)) throw new Error('templates/shell/index.html must load the runtime with <script type="module" src="runtime/passmark.js"></script>');
  const styles = /<link rel="stylesheet" href="runtime\/passmark\.css">/i;
  if (!styles.test(template))
    throw new Error('templates/shell/index.html must link the runtime stylesheet with <link rel="stylesheet" href="runtime/passmark.css">');
  const dataPreload = /\n?<link rel="preload" href="course\/course\.json"[^>]*>/i;
  if (!dataPreload.test(template))
    throw new Error('templates/shell/index.html must preload the course data with <link rel="preload" href="course/course.json" …>');
  const html = template
    .replace(dataPreload, (link) => (preloadCourseData ? link : ""))
    .replace(styles, (link) => (themeCss ? `${link}\n<link rel="stylesheet" href="${escapeHtml(themeCss)}">` : link))
    .replace(/<html\b([^>]*)\blang="[^"]*"/i, (_m, before: string) => `<html${before}lang="${escapeHtml(data.language)}"`)
    .replace(/<title>[^<]*<\/title>/i, () => `<title>${escapeHtml(data.title)}</title>`)
    .replace(slot, () =>
      [`<script type="module" src="${escapeHtml(bundle)}"></script>`, ...preloads.map((href) => `<link rel="modulepreload" href="${escapeHtml(href)}">`)].join(
        "\n",
      ),
    );
  return Buffer.from(html, "utf8");
}
