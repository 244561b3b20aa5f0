// The assessment screens' English messages (runtime/i18n/en-screens.ts) come with their lazy chunk:
// loading it (ui/screens-loader.ts) adds them, every catalogue keeps its own translations of them, and
// no code of the launch itself (what runs before that chunk arrives) names one of them, nor one of
// the grading UI's (en-grading.ts): it would show the bare key.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { enGrading } from "../../runtime/i18n/en-grading";
import { enScreens } from "../../runtime/i18n/en-screens";
import fr from "../../runtime/i18n/fr.json";
import { checkedCatalogue, translator } from "../../runtime/i18n/index";
import { loadScreens } from "../../runtime/ui/screens-loader";
import { REPO_ROOT } from "../support/package-fixture";

/** The runtime files `start` imports statically (not `import type`, not `import()`), itself included. */
function staticImports(start: string, seen = new Set<string>()): Set<string> {
  if (seen.has(start)) return seen;
  seen.add(start);
  const source = readFileSync(start, "utf8");
  for (const [, spec] of source.matchAll(/^(?:import|export) (?!type )[^;]*? from "(\.[^"]+)";/gms)) {
    const base = resolve(dirname(start), spec!);
    const file = [".ts", ".tsx", "/index.ts"].map((ext) => base + ext).find((f) => existsSync(f)) ?? (existsSync(base) ? base : null);
    if (file && /\.tsx?$/.test(file)) staticImports(file, seen);
  }
  return seen;
}

describe("the assessment screens' messages", () => {
  it("in English once the screens chunk is loaded: plain and with placeholders", async () => {
    const ui = await loadScreens();
    expect(ui.enScreens).toBe(enScreens);
    const t = translator("en");
    expect(t.t("submit")).toBe("Submit answers");
    expect(t.t("attemptScore", { score: t.percent(80) })).toBe("Score for this attempt: 80%");
    expect(t.t("questionOf", { n: 1, total: 3 })).toBe("Question 1 of 3");
  });

  it("a French catalogue keeps its own; one it lacks is shown in English", async () => {
    await loadScreens();
    const { catalogue, problems } = checkedCatalogue({ ...fr, submit: "" });
    expect(problems).toEqual([]);
    const t = translator("fr", catalogue);
    expect(t.t("retake", { n: 2 })).toBe(fr.retake.replace("{n}", "2"));
    expect(t.t("submit")).toBe("Submit answers");
  });

  it("the launch's own code (runtime/main.ts and what it imports statically) names no message of a lazy chunk", () => {
    const late = new Set([...Object.keys(enScreens), ...Object.keys(enGrading)]);
    const launch = staticImports(join(REPO_ROOT, "runtime", "main.ts"));
    expect([...launch].some((f) => f.endsWith("runtime/ui/app.tsx"))).toBe(true);
    expect([...launch].some((f) => f.endsWith("runtime/ui/attempt-screen.tsx"))).toBe(false);
    const named: string[] = [];
    for (const file of launch) {
      // A line that asks for a message (t(…), plural(…), a MessageKey) and names a late key (not in a comparison).
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (!/\bt\(|plural\(|MessageKey/.test(line)) continue;
        for (const [, key] of line.matchAll(/(?<![=!]==\s*)"(\w+)"/g)) if (late.has(key!)) named.push(`${file.slice(REPO_ROOT.length)}: ${key}`);
      }
    }
    expect(named).toEqual([]);
  });
});
