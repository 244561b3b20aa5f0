// `theme` in course.json (docs/course-format.md "Theme"): brand and accent colours per colour scheme,
// checked against WCAG 2.2 AA for every pair the stylesheet draws them in; the logo (with its alt
// text, or declared decorative) and the font file (WOFF2) packaged as assets, or a system font stack.
// authoring/package/theme-css.ts writes the course/theme.css the package links.
import { open } from "node:fs/promises";
import path from "node:path";
import type { AuthorTheme } from "./author-types";
import { contrastRatio, formatRatio, mixColour } from "./contrast";
import type { CourseFiles, ReferenceSite } from "./course-files";
import { pointer, type ProblemList } from "./problems";
import { CONTRAST_PAIRS, DARK_BASE, LIGHT_BASE, type Palette, type Scheme } from "./theme-palette";

/** What the package needs to write course/theme.css. */
export interface CourseTheme {
  colorScheme: "light" | "dark" | "auto";
  /** The full palette of each scheme the course shows. */
  palettes: Partial<Record<Scheme, Palette>>;
  /** A packaged WOFF2 file (zip path) and its family name, or a font stack of installed fonts; null: passmark's. */
  font: { family: string; zipPath: string } | { stack: string } | null;
  /** The header shows a logo (its size is set in theme.css). */
  logo: boolean;
}

export interface BuiltTheme {
  theme: CourseTheme;
  logo?: { src: string; alt: string; width?: number; height?: number };
}

const LOGO_TYPES = /\.(png|jpe?g|gif|svg|webp|avif)$/i;

/** Null without a `theme`: the course ships no theme file at all. */
export async function buildTheme(author: AuthorTheme | undefined, file: string, files: CourseFiles, problems: ProblemList): Promise<BuiltTheme | null> {
  if (!author) return null;
  const colorScheme = author.colorScheme ?? "light";
  const schemes: Scheme[] = colorScheme === "auto" ? ["light", "dark"] : [colorScheme];
  const palettes: Partial<Record<Scheme, Palette>> = {};
  for (const scheme of schemes) palettes[scheme] = checkedPalette(author, scheme, file, problems);

  const built: BuiltTheme = { theme: { colorScheme, palettes, font: null, logo: false } };
  if (author.logo) {
    const at = pointer("theme", "logo");
    const { src, alt, decorative } = author.logo;
    if ((alt === undefined || alt.trim() === "") === (decorative !== true)) {
      problems.error(
        file,
        at,
        decorative === true
          ? 'expected either "alt" or "decorative": true, found both: a decorative logo has no text alternative'
          : 'expected "alt" (what the logo says, e.g. the organisation\'s name) or "decorative": true when the course title already says it, found neither',
      );
    }
    const relative = packaged(
      src,
      { file, path: pointer("theme", "logo", "src"), baseDir: "" },
      "logo",
      LOGO_TYPES,
      "an image (.png, .jpg, .gif, .svg, .webp, .avif)",
      files,
      problems,
    );
    if (relative) {
      built.logo = { src: files.addAsset(relative, { file, path: at, baseDir: "" }), alt: decorative === true ? "" : (alt ?? "").trim() };
      // Its proportions, so the header keeps its width before it arrives (theme.css sets its height).
      const size = files.imageSize(relative, { proportionsOnly: true });
      if (size) Object.assign(built.logo, size);
      built.theme.logo = true;
    }
  }
  if (author.font) built.theme.font = await buildFont(author.font, file, files, problems);
  return built;
}

/** The scheme's palette with the theme's colours, every pair checked; errors name the field to change. */
function checkedPalette(author: AuthorTheme, scheme: Scheme, file: string, problems: ProblemList): Palette {
  const base = scheme === "light" ? LIGHT_BASE : DARK_BASE;
  const own = scheme === "dark" ? author.dark : undefined;
  const field = (name: "brand" | "accent"): string[] => (own?.[name] ? ["theme", "dark", name] : ["theme", name]);
  const brand = own?.brand ?? author.brand ?? base["pm-brand"]!;
  const accent = own?.accent ?? author.accent ?? (own?.brand || author.brand ? brand : base["pm-accent"]!);
  // Button text: white or the darkest text, whichever reads better on the brand colour; hovering
  // moves the button away from its text.
  const onBrand = contrastRatio("#fff", brand) >= contrastRatio("#121212", brand) ? "#fff" : "#121212";
  const palette: Palette = {
    ...base,
    "pm-brand": brand,
    "pm-brand-dark": mixColour(brand, onBrand === "#fff" ? "#000" : "#fff", 0.25),
    "pm-on-brand": onBrand,
    "pm-accent": accent,
  };
  for (const pair of CONTRAST_PAIRS) {
    if (pair.field === null) continue; // the base palettes' own pairs: test/course/theme-palette.test.ts
    const [fg, bg] = [palette[pair.fg]!, palette[pair.bg]!];
    const ratio = contrastRatio(fg, bg);
    if (ratio >= pair.min) continue;
    const at = field(pair.field);
    const hint = scheme === "dark" && at[1] !== "dark" ? ` (or give the dark scheme its own colour in "theme.dark.${pair.field}")` : "";
    problems.error(
      file,
      pointer(...at),
      `expected a contrast of at least ${pair.min}:1 (WCAG 2.2 AA, SC ${pair.min === 3 ? "1.4.11" : "1.4.3"}) for ${pair.what} in the ${scheme} scheme, ` +
        `found ${fg} on ${bg}: ${formatRatio(ratio)}. Choose a ${lighterOrDarker(bg)} ${pair.field} colour${hint}`,
    );
  }
  return palette;
}

/** Which way a colour must move to stand out from `background`. */
function lighterOrDarker(background: string): string {
  return contrastRatio(background, "#000") > contrastRatio(background, "#fff") ? "darker" : "lighter";
}

async function buildFont(font: NonNullable<AuthorTheme["font"]>, file: string, files: CourseFiles, problems: ProblemList): Promise<CourseTheme["font"]> {
  const { src, family, stack } = font;
  if (stack !== undefined && src === undefined && family === undefined) return { stack };
  if (stack !== undefined || src === undefined || family === undefined) {
    const found =
      Object.keys(font)
        .map((k) => `"${k}"`)
        .join(", ") || "neither";
    problems.error(
      file,
      pointer("theme", "font"),
      `expected "src" and "family" (a WOFF2 file and its name) or "stack" alone (installed fonts), found ${found}`,
    );
    return null;
  }
  const site = { file, path: pointer("theme", "font", "src"), baseDir: "" };
  const relative = packaged(src, site, "font file", /\.woff2$/i, "a WOFF2 file (.woff2)", files, problems);
  if (!relative) return null;
  // The extension alone could hide a TTF or a WOFF 1 file, which the browser would refuse in silence.
  const handle = await open(path.join(files.root, ...relative.split("/")), "r");
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  if (head.toString("latin1") !== "wOF2") {
    problems.error(
      file,
      site.path,
      `expected a WOFF2 font ("wOF2" signature), found "${relative}" starting with ${JSON.stringify(head.toString("latin1"))}: convert it to WOFF2`,
    );
    return null;
  }
  return { family, zipPath: files.addAsset(relative, site) };
}

/** A referenced file of the expected kind, resolved inside the course folder; null after an error. */
function packaged(src: string, site: ReferenceSite, what: string, type: RegExp, expected: string, files: CourseFiles, problems: ProblemList): string | null {
  const relative = files.resolve(src, site, what);
  if (relative === null) return null;
  if (!type.test(relative)) {
    problems.error(site.file, site.path, `expected ${expected} for the ${what}, found "${relative}"`);
    return null;
  }
  return relative;
}
