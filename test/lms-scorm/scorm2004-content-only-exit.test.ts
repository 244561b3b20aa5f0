// What the SCORM 2004 manifest of a multi-unit course relies on for a required content-only unit
// (docs/multi-unit.md): with objectiveSetByContent="false" the LMS satisfies the unit when an attempt
// ends unsuspended, so the SCO must exit "suspend" until its content is completed, "normal" after,
// and never report a success status of its own.
import { describe, expect, it } from "vitest";
import type { Outcome } from "../../runtime/assessment/outcome";
import { createScorm2004Driver } from "../../runtime/lms/scorm2004/driver";
import { lms2004, logInto, reporting, stored, valuesSet } from "./helpers";

function contentOnly(progress: number): Outcome {
  return { progress, completed: progress >= 1, status: "notAttempted", score: null, final: true, hasAssessment: false };
}

async function run(outcomes: Outcome[], seed: Record<string, unknown> = {}) {
  const lms = lms2004({ entry: "ab-initio", ...seed });
  const driver = createScorm2004Driver(lms.api, reporting(), { logger: logInto([]) });
  await driver.start();
  for (const o of outcomes) driver.reportOutcome(o);
  await driver.exit();
  return { calls: lms.calls, data: stored(lms.lms) };
}

describe("SCORM 2004, a content-only unit: the exit tells the LMS whether the attempt ended", () => {
  it("left before the content is completed: suspended (the LMS must not satisfy it), success unknown", async () => {
    const r = await run([contentOnly(0.4)]);
    expect(valuesSet(r.calls, "cmi.exit")).toEqual(["suspend"]); // set when it starts, never changed
    expect(valuesSet(r.calls, "adl.nav.request")).toEqual(["suspendAll"]);
    expect(r.data["cmi.completion_status"]).toBe("incomplete");
    expect(r.data["cmi.success_status"]).toBe("unknown");
  });

  it("content completed: exit normal (the attempt ends; the LMS may satisfy it), the SCO still sets no success", async () => {
    const r = await run([contentOnly(0.5), contentOnly(1)]);
    expect(valuesSet(r.calls, "cmi.exit")).toEqual(["suspend", "normal"]);
    expect(valuesSet(r.calls, "adl.nav.request")).toEqual(["exitAll"]);
    expect(r.data["cmi.completion_status"]).toBe("completed");
    expect(r.data["cmi.success_status"]).toBe("unknown");
  });
});
