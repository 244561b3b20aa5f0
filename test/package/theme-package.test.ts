// A course with a theme carries course/theme.css, linked from index.html after passmark.css and listed
// in the manifest; the font file and logo are packaged assets the CSS and course.json point to. A
// course without a theme carries no theme file and the same shell and stylesheet as before.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCourse, removeCourses, baseCourse } from "../course/course-fixtures";
import { buildPackageFolder, REPO_ROOT, type PackageFolder } from "../support/package-fixture";

const WOFF2 = Buffer.concat([Buffer.from("wOF2", "latin1"), Buffer.alloc(60)]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

let themed: PackageFolder;
let dark: PackageFolder;
let plain: PackageFolder;

beforeAll(async () => {
  const files = { "assets/logo.svg": SVG, "fonts/brand.woff2": WOFF2 };
  const theme = {
    brand: "#7a1f5c",
    colorScheme: "auto",
    dark: { brand: "#f0a6d0" },
    logo: { src: "assets/logo.svg", decorative: true },
    font: { src: "fonts/brand.woff2", family: "Brand Sans" },
  };
  [themed, dark, plain] = await Promise.all([
    buildPackageFolder({ courseDir: makeCourse({ "course.json": { ...baseCourse(), theme }, ...files }) }),
    buildPackageFolder({ courseDir: makeCourse({ "course.json": { ...baseCourse(), theme: { colorScheme: "dark" } } }) }),
    buildPackageFolder({ courseDir: makeCourse({ "course.json": baseCourse() }) }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([themed?.remove(), dark?.remove(), plain?.remove()]);
  removeCourses();
});

const read = (pkg: PackageFolder, path: string) => readFile(join(pkg.dir, path), "utf8");

describe("course/theme.css in the package", () => {
  it("is linked after passmark.css and listed in the manifest; the font and logo are packaged", async () => {
    const html = await read(themed, "index.html");
    expect(html).toContain('<link rel="stylesheet" href="runtime/passmark.css">\n<link rel="stylesheet" href="course/theme.css">');
    expect(await read(themed, "imsmanifest.xml")).toContain('href="course/theme.css"');
    expect(await readdir(join(themed.dir, "assets", "fonts"))).toEqual(["brand.woff2"]);
    const course = JSON.parse(await read(themed, "course/course.json")) as { logo?: unknown };
    expect(course.logo).toEqual({ src: "assets/logo.svg", alt: "", width: 10, height: 10 }); // its proportions: the header keeps its space
  });

  it('"auto": the light colours, the dark ones under prefers-color-scheme, the font face relative to the CSS file', async () => {
    const css = await read(themed, "course/theme.css");
    expect(css).toContain('@font-face{font-family:"Brand Sans";src:url("../assets/fonts/brand.woff2") format("woff2");font-display:swap}');
    expect(css).toContain('body{font-family:"Brand Sans",system-ui');
    expect(css).toMatch(/:root\{[^}]*--pm-brand:#7a1f5c;[^}]*--pm-on-brand:#fff;[^}]*color-scheme:light dark\}/);
    expect(css).toMatch(/@media \(prefers-color-scheme:dark\)\{:root\{[^}]*--pm-bg:#121212;[^}]*--pm-brand:#f0a6d0;[^}]*--pm-on-brand:#121212/);
    expect(css).toContain(".pm-button{border:2px solid var(--pm-brand);background:var(--pm-brand);color:var(--pm-on-brand)}");
    expect(css).toContain(".pm-logo{");
    // Every colour the rules name is declared in both schemes.
    const named = new Set([...css.matchAll(/var\(--(pm-[a-z0-9-]+)\)/g)].map((m) => m[1]));
    const light = css.slice(css.indexOf(":root{"), css.indexOf("@media"));
    const darkBlock = css.slice(css.indexOf("@media"));
    for (const name of named) {
      expect(light).toContain(`--${name}:`);
      expect(darkBlock).toContain(`--${name}:`);
    }
  });

  it('"dark" alone: the dark colours written in, no custom property, no media query', async () => {
    const css = await read(dark, "course/theme.css");
    expect(css).toContain(":root{color-scheme:dark}");
    expect(css).toContain("body{color:#ececec;background:#121212;");
    expect(css).not.toContain("var(");
    expect(css).not.toContain("@media");
  });

  it("without a theme: no theme file, the shell links passmark.css alone, and passmark.css is the built one", async () => {
    expect(await readdir(join(plain.dir, "course"))).toEqual(["course.json"]);
    const html = await read(plain, "index.html");
    expect(html).not.toContain("theme.css");
    expect(await read(plain, "runtime/passmark.css")).toBe(await readFile(join(REPO_ROOT, "dist", "runtime", "passmark.css"), "utf8"));
  });
});
