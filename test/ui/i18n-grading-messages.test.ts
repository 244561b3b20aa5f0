// The grading UI's English messages (runtime/i18n/en-grading.ts) come with its lazy chunk: loading the
// chunk (grading-loader.ts) adds them, and every catalogue keeps its own translations of them.
import { describe, expect, it } from "vitest";
import { enGrading } from "../../runtime/i18n/en-grading";
import fr from "../../runtime/i18n/fr.json";
import { checkedCatalogue, translator } from "../../runtime/i18n/index";
import { loadGradingUi } from "../../runtime/ui/grading-loader";

describe("the grading UI's messages", () => {
  it("in English once the grading chunk is loaded: plain, with placeholders, plurals", async () => {
    const ui = await loadGradingUi();
    expect(ui.enGrading).toBe(enGrading);
    const t = translator("en");
    expect(t.t("submitRating")).toBe("Submit rating");
    expect(t.t("rateHeading", { n: 2 })).toBe("Rate the work: attempt 2");
    expect(t.plural("points", 1)).toBe("1 point");
    expect(t.plural("points", 3)).toBe("3 points");
  });

  it("a French catalogue keeps its own; one it lacks is shown in English", async () => {
    await loadGradingUi();
    const { catalogue, problems } = checkedCatalogue({ ...fr, submitRating: "" });
    expect(problems).toEqual([]);
    const t = translator("fr", catalogue);
    expect(t.t("rateHeading", { n: 2 })).toBe(fr.rateHeading.replace("{n}", "2"));
    expect(t.t("submitRating")).toBe("Submit rating");
    expect(t.plural("points", 0)).toBe(fr.points_one.replace("{n}", "0"));
  });
});
