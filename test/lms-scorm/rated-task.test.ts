// A rated task through both SCORM drivers into scorm-again (docs/reporting.md "Rated tasks"): a
// performance interaction whose result is the grade, and the rater's comment — SCORM 2004
// cmi.comments_from_learner.n (RTE 4.2.2), SCORM 1.2 cmi.comments (RTE 3.4.2, 4,096 characters in all).
import { describe, expect, it } from "vitest";
import { buildInteractionReport } from "../../runtime/assessment";
import type { InteractionReport } from "../../runtime/assessment/outcome";
import { createScorm12Driver } from "../../runtime/lms/scorm12/driver";
import { createScorm2004Driver } from "../../runtime/lms/scorm2004/driver";
import { NOW, assessorAttempt, assessorCourse, freshState, taskQuestion } from "../assessment/rated-task-flow";
import { lms12, lms2004, logInto, quiet, reporting, stored, type RecordedCall } from "./helpers";
import { loadTaskKit } from "../../runtime/assessment/task-kit";

// The engine's task code is a chunk of its own: a course with a task loads it first (app/boot.ts).
await loadTaskKit();

const rating = {
  filling: { plan: "p3", safety: "s2" },
  remarks: { plan: "Clear order", safety: "Gloves late" },
  feedback: "Solid work.\nKeep the bench tidy.",
};
const RATED_AT = new Date(NOW + 7000).toISOString(); // completeRating's stamp in assessorAttempt
const ENTRY = `[observed, attempt 1] Grade 55.56/100. Rated by Ana Diaz (ana.diaz@example.org), ${RATED_AT.replace(".000Z", "Z")}. Feedback: Solid work. / Keep the bench tidy. Remarks: plan: Clear order; safety: Gloves late`;

function run(attempt = 1, over: Partial<typeof rating> = {}, from = freshState()) {
  let state = from;
  let reports: InteractionReport[] = [];
  for (let n = 1; n <= attempt; n++) {
    const r = assessorAttempt(assessorCourse(), state, false, { ...rating, ...over }, undefined, NOW + (n - 1) * 60_000);
    state = r.state;
    reports = r.reports;
  }
  return { reports, task: reports.find((r) => r.questionId === "observed")! };
}

const refusedSets = (calls: RecordedCall[]) => calls.filter((c) => (c.method === "SetValue" || c.method === "LMSSetValue") && c.result !== "true");

describe("SCORM 2004: a rated task", () => {
  it("performance interaction with the grade as result; rater, feedback and remarks as a comment from the learner", async () => {
    const lms = lms2004({ entry: "ab-initio" });
    const logs: string[] = [];
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    const { reports } = run();
    for (const report of reports) driver.reportInteraction(report);
    await driver.exit();
    expect(refusedSets(lms.calls)).toEqual([]);
    expect(logs).toEqual([]);
    const data = stored(lms.lms);
    expect(data["cmi.interactions.2.id"]).toBe("observed-a1");
    expect(data["cmi.interactions.2.type"]).toBe("performance");
    expect(data["cmi.interactions.2.description"]).toBe("Prompt of observed");
    expect(data["cmi.interactions.2.learner_response"]).toBe("plan[.]100[,]safety[.]33.3333333");
    expect(data["cmi.interactions.2.result"]).toBe("55.5555556");
    expect(data["cmi.interactions.0.result"]).toBe("incorrect"); // the other questions as before
    expect(data["cmi.comments_from_learner.0.comment"]).toBe(ENTRY);
    expect(data["cmi.comments_from_learner.0.location"]).toBe("observed");
    expect(data["cmi.comments_from_learner.0.timestamp"]).toBe(RATED_AT);
    expect(Object.keys(data).filter((k) => k.startsWith("cmi.comments_from_learner.1"))).toEqual([]);
  });

  it("a second attempt adds a comment; the same report twice is written once; a long text is cut to 4000 with …", async () => {
    const lms = lms2004({ entry: "ab-initio" });
    const logs: string[] = [];
    const driver = createScorm2004Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    const first = run(1).task;
    driver.reportInteraction(first);
    driver.reportInteraction(first);
    const second = run(2, { feedback: "é".repeat(3990) }).task;
    driver.reportInteraction(second);
    await driver.exit();
    expect(refusedSets(lms.calls)).toEqual([]);
    const data = stored(lms.lms);
    expect(data["cmi.comments_from_learner.0.comment"]).toBe(ENTRY);
    const long = data["cmi.comments_from_learner.1.comment"]!;
    expect(long.startsWith("[observed, attempt 2] ")).toBe(true);
    expect(long).toHaveLength(4000);
    expect(long.endsWith("…")).toBe(true);
    expect(Object.keys(data).filter((k) => k.startsWith("cmi.comments_from_learner.2"))).toEqual([]);
    expect(logs.some((m) => m.includes("cut to 4000"))).toBe(true);
  });

  it("interactions turned off: no interaction, the comment still goes", async () => {
    const lms = lms2004({ entry: "ab-initio" });
    const driver = createScorm2004Driver(lms.api, reporting("passed-incomplete", false), { logger: quiet });
    await driver.start();
    for (const report of run().reports) driver.reportInteraction(report);
    await driver.exit();
    const data = stored(lms.lms);
    expect(Object.keys(data).filter((k) => k.startsWith("cmi.interactions.0"))).toEqual([]);
    expect(data["cmi.comments_from_learner.0.comment"]).toBe(ENTRY);
  });

  it("review mode writes nothing; a task without a submitted rating leaves no comment", async () => {
    const review = lms2004({ entry: "resume", mode: "review", credit: "no-credit" });
    const d1 = createScorm2004Driver(review.api, reporting(), { logger: quiet });
    await d1.start();
    d1.reportInteraction(run().task);
    await d1.exit();
    expect(review.calls.filter((c) => c.method === "SetValue" && c.args[0]!.startsWith("cmi.comments"))).toEqual([]);

    const lms = lms2004({ entry: "ab-initio" });
    const d2 = createScorm2004Driver(lms.api, reporting(), { logger: quiet });
    await d2.start();
    const half = {
      type: "task" as const,
      text: "",
      rating: { filling: { plan: "p3" }, remarks: { plan: "so far" }, feedback: "draft", rater: null, ratedAt: null },
    };
    d2.reportInteraction(buildInteractionReport(taskQuestion("observed"), half, { attemptNumber: 1, language: "en", latencyMs: 0, timestamp: NOW }));
    await d2.exit();
    expect(lms.calls.filter((c) => c.method === "SetValue" && c.args[0]!.startsWith("cmi.comments"))).toEqual([]);
    expect(stored(lms.lms)["cmi.interactions.0.learner_response"] ?? "").toBe("");
  });
});

describe("SCORM 1.2: a rated task", () => {
  it("performance interaction with the grade as result; the rater's entry appended after the LMS's comments", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" }, comments: "Earlier note." });
    const logs: string[] = [];
    const driver = createScorm12Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    for (const report of run().reports) driver.reportInteraction(report);
    await driver.exit();
    expect(refusedSets(lms.calls)).toEqual([]);
    expect(logs).toEqual([]);
    const sets = lms.calls.filter((c) => c.method === "LMSSetValue");
    const at = (element: string) => sets.find((c) => c.args[0] === element)?.args[1];
    expect(at("cmi.interactions.2.type")).toBe("performance");
    expect(at("cmi.interactions.2.student_response")).toBe("plan.100,safety.33.3333333");
    expect(at("cmi.interactions.2.result")).toBe("55.56");
    expect(at("cmi.interactions.0.result")).toBe("wrong");
    expect(stored(lms.lms)["cmi.comments"]).toBe(`Earlier note. ${ENTRY}`);
  });

  it("a second attempt is appended, an entry already there is not repeated, the whole stays within 4,096", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const logs: string[] = [];
    const driver = createScorm12Driver(lms.api, reporting(), { logger: logInto(logs) });
    await driver.start();
    const first = run(1).task;
    driver.reportInteraction(first);
    driver.reportInteraction(first);
    driver.reportInteraction(run(2, { feedback: "x".repeat(4000) }).task);
    driver.reportInteraction(run(3).task);
    await driver.exit();
    expect(refusedSets(lms.calls)).toEqual([]);
    const comments = stored(lms.lms)["cmi.comments"]!;
    expect(comments.startsWith(`${ENTRY} [observed, attempt 2] Grade 55.56/100.`)).toBe(true);
    expect(comments).toHaveLength(4096);
    expect(comments.endsWith("…")).toBe(true);
    expect(comments.split("[observed, attempt 1]")).toHaveLength(2);
    expect(comments).not.toContain("[observed, attempt 3]");
    expect(logs.some((m) => m.includes("attempt 2") && m.includes("cut"))).toBe(true);
    expect(logs.some((m) => m.includes("attempt 3") && m.includes("left out"))).toBe(true);
  });

  it("a relaunch does not write again what the LMS already holds", async () => {
    const { task } = run();
    const lms = lms12({ core: { entry: "resume", lesson_status: "incomplete" }, comments: ENTRY });
    const driver = createScorm12Driver(lms.api, reporting(), { logger: quiet });
    await driver.start();
    driver.reportInteraction(task);
    await driver.exit();
    expect(lms.calls.filter((c) => c.method === "LMSSetValue" && c.args[0] === "cmi.comments")).toEqual([]);
  });

  it("interactions off: the comment still goes; browse: nothing", async () => {
    const lms = lms12({ core: { entry: "ab-initio", lesson_status: "not attempted" } });
    const driver = createScorm12Driver(lms.api, reporting("passed-incomplete", false), { logger: quiet });
    await driver.start();
    for (const report of run().reports) driver.reportInteraction(report);
    await driver.exit();
    expect(lms.calls.filter((c) => c.method === "LMSSetValue" && c.args[0]!.startsWith("cmi.interactions"))).toEqual([]);
    expect(stored(lms.lms)["cmi.comments"]).toBe(ENTRY);

    const browse = lms12({ core: { entry: "", lesson_status: "incomplete", lesson_mode: "browse", credit: "no-credit" } });
    const d2 = createScorm12Driver(browse.api, reporting(), { logger: quiet });
    await d2.start();
    d2.reportInteraction(run().task);
    await d2.exit();
    expect(browse.calls.filter((c) => c.method === "LMSSetValue" && c.args[0] === "cmi.comments")).toEqual([]);
  });
});
