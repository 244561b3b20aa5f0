// `theme` in course.json: every colour pair below WCAG 2.2 AA is an error that names the field, the
// scheme, both colours and the ratio; the logo needs alt text or "decorative"; the font file must be
// WOFF2 (by name and by content); a font stack cannot smuggle CSS in. A good theme loads.
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse } from "../../authoring/course/load-course";
import { baseCourse, makeCourse, problemsOf, removeCourses, type CourseFolder } from "./course-fixtures";

afterAll(removeCourses);

const WOFF2 = Buffer.concat([Buffer.from("wOF2", "latin1"), Buffer.alloc(60)]);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

function themed(theme: Record<string, unknown>, files: CourseFolder = {}): string {
  return makeCourse({ "course.json": { ...baseCourse(), theme }, ...files });
}

const messages = async (theme: Record<string, unknown>, files?: CourseFolder) =>
  (await problemsOf(themed(theme, files))).map((p) => `${p.severity} ${p.path}: ${p.message}`);

describe("theme colours: contrast checked at build (WCAG 2.2 AA)", () => {
  it("a brand too light for white button text and for links: errors naming the pair, both colours and the ratio", async () => {
    const found = await messages({ brand: "#ffcc00" });
    expect(found).toContain(
      "error /theme/brand: expected a contrast of at least 4.5:1 (WCAG 2.2 AA, SC 1.4.3) for links and secondary buttons (the brand colour on the background) " +
        "in the light scheme, found #ffcc00 on #fff: 1.51:1. Choose a darker brand colour",
    );
    // Button text is the dark text on so light a brand (12.39:1): that pair is not an error.
    expect(found.filter((m) => m.includes("button text"))).toEqual([]);
    // The accent defaults to the brand colour, and fails its 3:1 too.
    expect(found.filter((m) => m.startsWith("error /theme/accent: expected a contrast of at least 3:1"))).toHaveLength(2);
  });

  it("an accent too faint for the focus ring: 3:1, SC 1.4.11, named as theme.accent", async () => {
    const found = await messages({ brand: "#0b5cad", accent: "#c8d8ea" });
    expect(found).toEqual([
      expect.stringMatching(
        /^error \/theme\/accent: expected a contrast of at least 3:1 \(WCAG 2\.2 AA, SC 1\.4\.11\) for the focus ring, progress bar and checked boxes \(the accent colour on the background\) in the light scheme, found #c8d8ea on #fff: 1\.\d\d:1/,
      ),
      expect.stringMatching(/^error \/theme\/accent: .* the border of a chosen rating level .* found #c8d8ea on #f2f5f9/),
    ]);
  });

  it('"auto" checks the dark scheme too: a dark brand fails there and the error points to theme.dark.brand', async () => {
    const found = await messages({ brand: "#0b5cad", colorScheme: "auto" });
    expect(found).toContain(
      "error /theme/brand: expected a contrast of at least 4.5:1 (WCAG 2.2 AA, SC 1.4.3) for links and secondary buttons (the brand colour on the background) " +
        'in the dark scheme, found #0b5cad on #121212: 2.80:1. Choose a lighter brand colour (or give the dark scheme its own colour in "theme.dark.brand")',
    );
    expect(found.some((m) => m.includes("light scheme"))).toBe(false);
    // The dark scheme's own colour that fails is named as such.
    expect(await messages({ brand: "#0b5cad", colorScheme: "dark", dark: { brand: "#333333" } })).toContainEqual(
      expect.stringMatching(/^error \/theme\/dark\/brand: .* in the dark scheme, found #333333 on #121212: 1\.\d\d:1\. Choose a lighter brand colour$/),
    );
  });

  it("colours that pass in both schemes load; button text is picked to read on the brand colour", async () => {
    const course = await loadCourse(themed({ brand: "#0b5cad", accent: "#b3006b", colorScheme: "auto", dark: { brand: "#9cc3ff", accent: "#ff8fc8" } }));
    const { light, dark } = course.theme!.palettes;
    expect(light).toMatchObject({ "pm-brand": "#0b5cad", "pm-on-brand": "#fff", "pm-accent": "#b3006b", "pm-bg": "#fff" });
    expect(dark).toMatchObject({ "pm-brand": "#9cc3ff", "pm-on-brand": "#121212", "pm-accent": "#ff8fc8", "pm-bg": "#121212" });
    expect(course.theme!.colorScheme).toBe("auto");
    expect(course.data.logo).toBeUndefined();
  });

  it("colours are written #rgb or #rrggbb", async () => {
    expect(await messages({ brand: "blue" })).toEqual([expect.stringMatching(/^error \/theme\/brand: expected a colour written "#rgb" or "#rrggbb"/)]);
  });
});

describe("theme logo and font", () => {
  it("a logo needs alt text or decorative: true, not neither, not both", async () => {
    const files = { "assets/logo.svg": SVG };
    expect(await messages({ logo: { src: "assets/logo.svg" } }, files)).toEqual([
      expect.stringMatching(/^error \/theme\/logo: expected "alt" \(what the logo says.*\) or "decorative": true .*found neither$/),
    ]);
    expect(await messages({ logo: { src: "assets/logo.svg", alt: "Acme", decorative: true } }, files)).toEqual([
      expect.stringMatching(/^error \/theme\/logo: expected either "alt" or "decorative": true, found both/),
    ]);
    const course = await loadCourse(themed({ logo: { src: "assets/logo.svg", alt: " Acme Safety " } }, files));
    expect(course.data.logo).toEqual({ src: "assets/logo.svg", alt: "Acme Safety", width: 10, height: 10 });
    expect(course.assets.map((a) => a.zipPath)).toContain("assets/logo.svg");
    const decorative = await loadCourse(themed({ logo: { src: "assets/logo.svg", decorative: true } }, files));
    expect(decorative.data.logo).toEqual({ src: "assets/logo.svg", alt: "", width: 10, height: 10 });
  });

  it("a logo must be an image in the course folder", async () => {
    expect(await messages({ logo: { src: "notes.txt", alt: "x" } }, { "notes.txt": "hi" })).toEqual([
      'error /theme/logo/src: expected an image (.png, .jpg, .gif, .svg, .webp, .avif) for the logo, found "notes.txt"',
    ]);
    expect(await messages({ logo: { src: "../logo.svg", alt: "x" } })).toEqual([
      expect.stringMatching(/^error \/theme\/logo\/src: expected a path inside the course folder/),
    ]);
  });

  it("a font file must be WOFF2, by its name and by its first bytes; a good one is packaged", async () => {
    expect(await messages({ font: { src: "fonts/a.ttf", family: "Acme" } }, { "fonts/a.ttf": WOFF2 })).toEqual([
      'error /theme/font/src: expected a WOFF2 file (.woff2) for the font file, found "fonts/a.ttf"',
    ]);
    expect(await messages({ font: { src: "fonts/a.woff2", family: "Acme" } }, { "fonts/a.woff2": "\u0000\u0001\u0000\u0000 a TrueType file" })).toEqual([
      'error /theme/font/src: expected a WOFF2 font ("wOF2" signature), found "fonts/a.woff2" starting with "\\u0000\\u0001\\u0000\\u0000": convert it to WOFF2',
    ]);
    const course = await loadCourse(themed({ font: { src: "fonts/a.woff2", family: "Acme Sans" } }, { "fonts/a.woff2": WOFF2 }));
    expect(course.theme!.font).toEqual({ family: "Acme Sans", zipPath: "assets/fonts/a.woff2" });
    expect(course.assets.map((a) => a.zipPath)).toEqual(["assets/fonts/a.woff2"]);
  });

  it("a font stack is family names only: nothing that could end the CSS rule", async () => {
    const course = await loadCourse(themed({ font: { stack: 'Georgia, "Times New Roman", serif' } }));
    expect(course.theme!.font).toEqual({ stack: 'Georgia, "Times New Roman", serif' });
    const found = await messages({ font: { stack: "Arial} body{background:url(https://example.com/x)" } });
    expect(found).toEqual([expect.stringMatching(/^error \/theme\/font\/stack: expected a CSS font stack: family names .* found "Arial} body/)]);
    expect(await messages({ font: { src: "a.woff2", family: 'x"}' } }, { "a.woff2": WOFF2 })).toEqual([
      expect.stringMatching(/^error \/theme\/font\/family: expected a font family name of letters, digits, spaces, "-" and "_", found "x\\"}"/),
    ]);
    expect(await messages({ font: { src: "a.woff2", stack: "serif" } }, { "a.woff2": WOFF2 })).toEqual([
      'error /theme/font: expected "src" and "family" (a WOFF2 file and its name) or "stack" alone (installed fonts), found "src", "stack"',
    ]);
  });
});
