// Message catalogues and the pick rule: the course language picks the catalogue, and a cmi5
// languagePreference that matches one of ours wins (issue 5, "Internationalisation").
import { en, type Catalogue, type MessageKey } from "./en";
import { es } from "./es";
import { fr } from "./fr";

export type { Catalogue, MessageKey } from "./en";

export const CATALOGUES: Readonly<Record<string, Catalogue>> = { en, fr, es };
export const DEFAULT_LANGUAGE = "en";

/** The primary language subtag ("fr" for "fr-CA"), lower case. */
function primary(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
}

/**
 * The catalogue language for a course: the first of `preferred` (cmi5 languagePreference, best
 * first) we have a catalogue for, else the course language when we have it, else English.
 */
export function pickLanguage(courseLanguage: string, preferred: readonly string[]): string {
  for (const tag of [...preferred, courseLanguage]) {
    const lang = primary(tag);
    if (lang in CATALOGUES) return lang;
  }
  return DEFAULT_LANGUAGE;
}

export type Params = Record<string, string | number>;

/** Messages of one language: `t("startAttempt", { n: 2 })`, plurals with `plural("attemptsLeft", n)`. */
export interface Translator {
  readonly lang: string;
  t(key: MessageKey, params?: Params): string;
  plural(base: "attemptsLeft", n: number, params?: Params): string;
  /** A score 0..100 shown as a percentage in this language ("80%", "80 %"). */
  percent(score: number): string;
}

export function translator(lang: string): Translator {
  const catalogue = CATALOGUES[lang] ?? en;
  const rules = new Intl.PluralRules(lang);
  const percentFormat = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 2 });
  const t = (key: MessageKey, params: Params = {}): string =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return {
    lang,
    t,
    plural: (base, n, params = {}) => t(rules.select(n) === "one" ? `${base}_one` : `${base}_other`, { n, ...params }),
    percent: (score) => percentFormat.format(score / 100),
  };
}
