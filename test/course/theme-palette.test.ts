// The contrast arithmetic (WCAG 2.x relative luminance and ratio) on known values, and the two base
// palettes: the light one is runtime/styles.css's `:root`, every pair of both passes WCAG 2.2 AA,
// and every colour of the stylesheet is in both (a literal colour outside `:root` could not be themed).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contrastRatio, formatRatio, mixColour, parseHexColour, relativeLuminance } from "../../authoring/course/contrast";
import { CONTRAST_PAIRS, DARK_BASE, LIGHT_BASE } from "../../authoring/course/theme-palette";

const styles = readFileSync(new URL("../../runtime/styles.css", import.meta.url), "utf8");

describe("contrast (WCAG 2.x)", () => {
  it("relative luminance and ratio: black, white, greys and colours", () => {
    expect(relativeLuminance("#000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBe(1);
    expect(contrastRatio("#000", "#fff")).toBe(21);
    expect(contrastRatio("#fff", "#fff")).toBe(1);
    // #767676 on white is the well-known lightest grey that passes 4.5:1; #777 fails it.
    expect(contrastRatio("#767676", "#fff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#777777", "#fff")).toBeLessThan(4.5);
    // Published values (WebAIM contrast checker): blue on white 8.59:1, #767676 4.54:1, #777 4.47:1.
    expect(formatRatio(contrastRatio("#0000ff", "#fff"))).toBe("8.59:1");
    expect(formatRatio(contrastRatio("#767676", "#fff"))).toBe("4.54:1");
    expect(formatRatio(contrastRatio("#777", "#fff"))).toBe("4.47:1");
    expect(contrastRatio("#fff", "#0b5cad")).toBe(contrastRatio("#0b5cad", "#fff")); // order does not matter
  });

  it("ratios are never rounded up past a threshold, colours parse in both spellings and mix", () => {
    expect(formatRatio(4.4999)).toBe("4.49:1");
    expect(parseHexColour("#0B5")).toEqual([0, 187, 85]);
    expect(parseHexColour("#0b5cad")).toEqual([11, 92, 173]);
    expect(parseHexColour("blue")).toBeNull();
    expect(mixColour("#0b5cad", "#000", 0.25)).toBe("#084582");
    expect(mixColour("#000", "#fff", 0.5)).toBe("#808080");
  });
});

describe("the base palettes", () => {
  it("LIGHT_BASE is exactly the :root of runtime/styles.css", () => {
    const root = /:root\s*\{([^}]*)\}/.exec(styles)![1]!;
    const declared = Object.fromEntries([...root.matchAll(/--(pm-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]!.trim()]));
    expect(declared).toEqual(LIGHT_BASE);
    expect(Object.keys(DARK_BASE).sort()).toEqual(Object.keys(LIGHT_BASE).sort());
  });

  it("no colour literal outside :root: every colour can be themed", () => {
    const rest = styles.replace(/:root\s*\{[^}]*\}/, "").replace(/\/\*[\s\S]*?\*\//g, "");
    expect(rest.match(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/gi)).toBeNull();
  });

  for (const [scheme, palette] of [
    ["light", LIGHT_BASE],
    ["dark", DARK_BASE],
  ] as const) {
    it(`every pair of the ${scheme} palette meets WCAG 2.2 AA`, () => {
      const failing = CONTRAST_PAIRS.filter((p) => contrastRatio(palette[p.fg]!, palette[p.bg]!) < p.min).map(
        (p) => `${p.what}: ${palette[p.fg]} on ${palette[p.bg]} ${formatRatio(contrastRatio(palette[p.fg]!, palette[p.bg]!))}`,
      );
      expect(failing).toEqual([]);
    });
  }
});
