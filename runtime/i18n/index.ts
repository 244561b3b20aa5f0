// Message catalogues and the pick rule: the course language picks the catalogue, and a cmi5
// languagePreference that matches one of ours wins (issue 5, "Internationalisation").
// English is in the bundle; the other catalogues are fetched on demand (see en.ts).
import { en, type Catalogue, type MessageKey } from "./en";

export type { Catalogue, MessageKey } from "./en";

/** Languages with a catalogue (fr and es ship as runtime/passmark.<lang>.json). */
export const LANGUAGES = ["en", "fr", "es"] as const;
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
    if ((LANGUAGES as readonly string[]).includes(lang)) return lang;
  }
  return DEFAULT_LANGUAGE;
}

/** Where the runtime finds a catalogue, relative to the package's index.html. */
export function catalogueUrl(lang: string): string {
  return `runtime/passmark.${lang}.json`;
}

/**
 * A catalogue checked against English: every key a non-empty string; missing or bad entries fall
 * back to English (and are listed in `problems`; the lazy chunks' keys, whose English is in those
 * chunks (en-screens.ts, en-grading.ts), fall back without being listed).
 */
export function checkedCatalogue(data: unknown): { catalogue: Catalogue; problems: string[] } {
  const source = data !== null && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const problems: string[] = [];
  const catalogue: Record<string, string> = { ...en };
  for (const key of Object.keys(en)) {
    const text = source[key];
    if (typeof text === "string" && text.trim() !== "") catalogue[key] = text;
    else problems.push(key);
  }
  // The lazy chunks' messages (en-screens.ts, en-grading.ts): kept when usable; a missing one is shown in English.
  for (const [key, text] of Object.entries(source)) {
    if (!(key in en) && typeof text === "string" && text.trim() !== "") catalogue[key] = text;
  }
  return { catalogue: catalogue as Catalogue, problems };
}

/** The catalogue for `lang` (English at once; others fetched), never failing: English on any trouble. */
export async function loadCatalogue(lang: string, fetchImpl: typeof fetch, log: (message: string) => void): Promise<Catalogue> {
  if (lang === DEFAULT_LANGUAGE || !(LANGUAGES as readonly string[]).includes(lang)) return en;
  try {
    const response = await fetchImpl(catalogueUrl(lang), { credentials: "same-origin" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { catalogue, problems } = checkedCatalogue(await response.json());
    if (problems.length > 0) log(`${catalogueUrl(lang)} lacks ${problems.join(", ")}; those messages are in English`);
    return catalogue;
  } catch (error) {
    log(`${catalogueUrl(lang)} could not be loaded (${String(error)}); the interface is in English`);
    return en;
  }
}

export type Params = Record<string, string | number>;

/** Messages of one language: `t("startAttempt", { n: 2 })`, plurals with `plural("attemptsLeft", n)`. */
export interface Translator {
  readonly lang: string;
  t(key: MessageKey, params?: Params): string;
  plural(base: "attemptsLeft" | "points", n: number, params?: Params): string;
  /** A number as this language writes it (decimal separator, at most 2 decimals by default). */
  number(n: number, decimals?: number): string;
  /** A score 0..100 shown as a percentage in this language ("80%", "80 %"). */
  percent(score: number): string;
}

/**
 * CLDR plural category "one" for our languages: English and Spanish n = 1, French 0 ≤ n < 2.
 * (No Intl here: creating the first Intl object costs tens of milliseconds at start-up.)
 */
function isOne(lang: string, n: number): boolean {
  return lang === "fr" ? n >= 0 && n < 2 : n === 1;
}

/** English messages that arrive with a lazy chunk (en-screens.ts, en-grading.ts): every translator falls back to them. */
const lateEnglish: Partial<Record<MessageKey, string>> = {};

/** Called when a lazy chunk arrives, with its English messages (ui/screens-loader.ts, ui/grading-loader.ts), before its screens render. */
export function addEnglish(messages: Partial<Record<MessageKey, string>>): void {
  Object.assign(lateEnglish, messages);
}

export function translator(lang: string, catalogue: Catalogue = en): Translator {
  const language = catalogue === en ? DEFAULT_LANGUAGE : lang;
  const t = (key: MessageKey, params: Params = {}): string =>
    (catalogue[key] ?? lateEnglish[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  const number = (n: number, decimals = 2): string => {
    const rounded = Number(n.toFixed(decimals));
    return String(rounded === 0 ? 0 : rounded)
      .replace(".", catalogue.decimalSeparator)
      .replace("-", "\u2212");
  };
  return {
    lang: language,
    t,
    plural: (base, n, params = {}) => t(isOne(language, n) ? `${base}_one` : `${base}_other`, { n, ...params }),
    number,
    percent: (score) => t("percent", { n: number(score) }),
  };
}
