// Message catalogues: every language has every message, with the same placeholders; the pick rule.
import { describe, expect, it } from "vitest";
import { en } from "../../runtime/i18n/en";
import { CATALOGUES, pickLanguage, translator } from "../../runtime/i18n/index";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("catalogues", () => {
  for (const [lang, catalogue] of Object.entries(CATALOGUES)) {
    it(`${lang}: exactly the English keys, no empty message, the same placeholders`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim(), `${lang}.${key}`).not.toBe("");
        expect(placeholders(text), `${lang}.${key}`).toEqual(placeholders(en[key as keyof typeof en]));
      }
    });
  }

  it("French and Spanish are translated, not copies of English", () => {
    for (const lang of ["fr", "es"]) {
      const same = Object.entries(CATALOGUES[lang]!).filter(([key, text]) => text === en[key as keyof typeof en] && text.length > 12);
      expect(same.map(([key]) => key), lang).toEqual([]);
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
    expect(translator("fr").plural("attemptsLeft", 1)).toBe("1 tentative restante");
    expect(translator("fr").plural("attemptsLeft", 0)).toBe("0 tentative restante"); // French: 0 is singular
    expect(t.percent(87.5)).toBe("87.5%");
    expect(translator("fr").percent(87.5).replace(/\s/g, " ")).toBe("87,5 %");
    expect(translator("xx").t("next")).toBe("Next");
  });
});
