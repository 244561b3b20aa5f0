// Message catalogues: every language has every message, with the same placeholders; the pick rule.
import { describe, expect, it } from "vitest";
import { en, type Catalogue } from "../../runtime/i18n/en";
import { enGrading } from "../../runtime/i18n/en-grading";
import { enScreens } from "../../runtime/i18n/en-screens";
import es from "../../runtime/i18n/es.json";
import fr from "../../runtime/i18n/fr.json";
import { catalogueUrl, checkedCatalogue, LANGUAGES, loadCatalogue, pickLanguage, translator } from "../../runtime/i18n/index";
import type { LaunchErrorReason } from "../../runtime/lms/launch-error";
import { reasonMessage } from "../../runtime/ui/error-screen";

/** English: the bundle's messages and the grading UI's (its lazy chunk). */
const english: Record<string, string> = { ...en, ...enScreens, ...enGrading };
const CATALOGUES: Record<string, Record<string, string>> = { en: english, fr, es };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
    it(`${lang}: exactly the English keys, no empty message, the same placeholders`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim(), `${lang}.${key}`).not.toBe("");
        expect(placeholders(text), `${lang}.${key}`).toEqual(placeholders(english[key]!));
      }
    });
  }

  it("French and Spanish are translated, not copies of English", () => {
    for (const lang of ["fr", "es"]) {
      const same = Object.entries(CATALOGUES[lang]!).filter(([key, text]) => text === english[key] && text.length > 12);
      expect(
        same.map(([key]) => key),
        lang,
      ).toEqual([]);
    }
  });
});

describe("pickLanguage", () => {
  it("follows the course language (primary subtag), English when we have no catalogue for it", () => {
    expect(pickLanguage("fr-CA", [])).toBe("fr");
    expect(pickLanguage("es", [])).toBe("es");
    expect(pickLanguage("de", [])).toBe("en");
    expect(pickLanguage("", [])).toBe("en");
  });

  it("a preferred language that matches a catalogue wins, in preference order", () => {
    expect(pickLanguage("en", ["de-DE", "es-MX", "fr"])).toBe("es");
    expect(pickLanguage("fr", ["EN_gb"])).toBe("en");
    expect(pickLanguage("fr", ["de", "it"])).toBe("fr");
  });
});

describe("translator", () => {
  it("fills placeholders, leaves unknown ones visible, picks plural forms, formats percentages per language", () => {
    const t = translator("en");
    expect(t.t("startAttempt", { n: 2 })).toBe("Start attempt 2");
    expect(t.t("startAttempt")).toBe("Start attempt {n}");
    expect(t.plural("attemptsLeft", 1)).toBe("1 attempt left");
    expect(t.plural("attemptsLeft", 0)).toBe("0 attempts left");
    const french = translator("fr", fr as Catalogue);
    expect(french.plural("attemptsLeft", 1)).toBe("1 tentative restante");
    expect(french.plural("attemptsLeft", 0)).toBe("0 tentative restante"); // French: 0 is singular
    expect(t.percent(87.5)).toBe("87.5%");
    expect(french.percent(87.5).replace(/\s/g, " ")).toBe("87,5 %");
    expect(translator("xx").t("next")).toBe("Next");
    expect(translator("fr").lang).toBe("en"); // without its catalogue, French numbers would mislabel English text
  });
});

describe("loading a catalogue", () => {
  const serve = (answers: Record<string, () => Response>) =>
    (async (url: string | URL | Request) => {
      const answer = answers[String(url)];
      if (!answer) throw new TypeError("Failed to fetch");
      return answer();
    }) as typeof fetch;

  it("English is built in; fr and es are fetched from runtime/passmark.<lang>.json", async () => {
    const log: string[] = [];
    const fetchImpl = serve({ [catalogueUrl("fr")]: () => new Response(JSON.stringify(fr)) });
    expect(await loadCatalogue("en", fetchImpl, (m) => log.push(m))).toBe(en);
    expect((await loadCatalogue("fr", fetchImpl, (m) => log.push(m))).next).toBe("Suivant");
    expect(log).toEqual([]);
    expect(LANGUAGES).toEqual(["en", "fr", "es"]);
  });

  it("a missing, broken or partial catalogue falls back to English and says so in the log", async () => {
    const log: string[] = [];
    const fetchImpl = serve({
      [catalogueUrl("fr")]: () => new Response("not json"),
      [catalogueUrl("es")]: () => new Response(JSON.stringify({ ...es, next: "", exit: 3 })),
    });
    expect(await loadCatalogue("fr", fetchImpl, (m) => log.push(m))).toBe(en);
    const partial = await loadCatalogue("es", fetchImpl, (m) => log.push(m));
    expect([partial.next, partial.exit, partial.previous]).toEqual(["Next", "Exit", "Anterior"]);
    expect(log).toHaveLength(2);
    expect(log[1]).toContain("next, exit");
    expect(checkedCatalogue(null).problems).toHaveLength(Object.keys(en).length);
  });

  it("every LaunchError reason has its message", () => {
    const reasons: LaunchErrorReason[] = [
      "cmi5-parameters",
      "cmi5-fetch-used",
      "cmi5-session-ended",
      "cmi5-fetch-security",
      "cmi5-fetch-application",
      "cmi5-fetch-failed",
      "cmi5-launch-data",
      "scorm-initialize",
      "course-data",
    ];
    for (const reason of reasons) expect(Object.keys(en), reason).toContain(reasonMessage(reason));
  });
});
