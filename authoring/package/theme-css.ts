// course/theme.css of a course with a `theme` (authoring/course/build-theme.ts): passmark's colour
// rules again with the theme's palette, per colour scheme, the font and the logo's size. A plain file
// the shell links after runtime/passmark.css, so the package CSP's style-src 'self' allows it.
import type { CourseTheme } from "../course/build-theme";
import type { Palette, Scheme } from "../course/theme-palette";

/** What build.mjs extracts from runtime/styles.css into dist/theme/rules.json. */
export interface ThemeRules {
  /** The colours' values in passmark.css, by name ("pm-text"). */
  defaults: Record<string, string>;
  /** Every rule's declarations that use a colour, in stylesheet order ("color:var(--pm-text)"). */
  rules: { selector: string; declarations: string[] }[];
}

/** Where course/theme.css sits in the package: asset paths inside it are written relative to it. */
export const THEME_CSS_PATH = "course/theme.css";

const SYSTEM_STACK = 'system-ui,-apple-system,"Segoe UI",Roboto,sans-serif';

export function themeCss(theme: CourseTheme, rules: ThemeRules): string {
  const parts = [`/* ${THEME_CSS_PATH}: written by passmark from "theme" in course.json */`];
  if (theme.font && "zipPath" in theme.font) {
    parts.push(`@font-face{font-family:"${theme.font.family}";src:url("../${theme.font.zipPath}") format("woff2");font-display:swap}`);
    parts.push(`body{font-family:"${theme.font.family}",${SYSTEM_STACK}}`);
  } else if (theme.font) {
    parts.push(`body{font-family:${theme.font.stack.trim()}}`);
  }
  if (theme.logo) parts.push(".pm-logo{height:2.5rem;width:auto;max-width:12rem;object-fit:contain}");
  const used = [...new Set(rules.rules.flatMap((r) => r.declarations.flatMap((d) => [...d.matchAll(/var\(--(pm-[a-z0-9-]+)\)/g)].map((m) => m[1]!))))];
  const { light, dark } = theme.palettes;
  if (light && dark) {
    // Both schemes: the rules name the colours, the learner's setting picks their values.
    parts.push(`:root{${declarations(light, used, "light")};color-scheme:light dark}`);
    parts.push(`@media (prefers-color-scheme:dark){:root{${declarations(dark, used, "dark")}}}`);
    parts.push(ruleText(rules, (name) => `var(--${name})`));
  } else {
    const [scheme, palette] = (light ? ["light", light] : ["dark", dark!]) as [Scheme, Palette];
    parts.push(`:root{color-scheme:${scheme}}`);
    parts.push(ruleText(rules, (name) => valueOf(palette, name, scheme)));
  }
  return parts.join("\n") + "\n";
}

function declarations(palette: Palette, names: readonly string[], scheme: Scheme): string {
  return names.map((name) => `--${name}:${valueOf(palette, name, scheme)}`).join(";");
}

function ruleText(rules: ThemeRules, value: (name: string) => string): string {
  return rules.rules
    .map((r) => `${r.selector}{${r.declarations.map((d) => d.replace(/var\(--(pm-[a-z0-9-]+)\)/g, (_m, name: string) => value(name))).join(";")}}`)
    .join("");
}

function valueOf(palette: Palette, name: string, scheme: Scheme): string {
  const value = palette[name];
  // A colour added to runtime/styles.css must be added to both palettes (theme-palette.ts).
  if (value === undefined) throw new Error(`authoring/course/theme-palette.ts: the ${scheme} palette has no --${name}`);
  return value;
}
