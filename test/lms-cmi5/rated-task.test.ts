// A rated task through the cmi5 driver (docs/reporting.md "Rated tasks"): the task's `answered` with
// its grade, filled form and assessor as context.instructor; the Passed/Failed it leads to with the
// same instructor; a self-assessment without one. Every statement passes
// @learninglocker/xapi-validation and the local LMS's cmi5 rules (strict: a violation is a 403).
import validateXapi from "@learninglocker/xapi-validation";
import type { Agent, Statement } from "@xapi/xapi";
import { afterEach, describe, expect, it } from "vitest";
import type { LocalLms } from "../../authoring/lrs";
import { answerQuestion, startAttempt, submitAttempt } from "../../runtime/assessment";
import { MemorySessionStorage } from "../../runtime/lms/cmi5/session-store";
import { buildAnswered, buildFailed, buildPassed } from "../../runtime/lms/cmi5/statements";
import { ASSESSOR_HOME_PAGE, EXT_TASK_RATING } from "../../runtime/lms/cmi5/vocabulary";
import { uuidV4 } from "../../runtime/lms/xapi/uuid";
import { xapiInteraction } from "../../runtime/lms/xapi/interaction";
import { ASSESSOR, NOW, PASSING, assessorAttempt, assessorCourse, freshState, selfAssessedCourse } from "../assessment/rated-task-flow";
import { launch, newDriver, newPage, readBack, useLocalLms, verbs } from "./helpers";
import { loadTaskKit } from "../../runtime/assessment/task-kit";

// The engine's task code is a chunk of its own: a course with a task loads it first (app/boot.ts).
await loadTaskKit();

const frame = () => ({
  id: uuidV4(),
  timestamp: "2027-01-15T08:00:10.000Z",
  actor: { objectType: "Agent" as const, account: { homePage: "https://lms.example.test", name: "ada" } },
  activityId: "https://lms.example.test/au/1",
  registration: uuidV4(),
  contextTemplate: { extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s" } },
});
const full = { filling: { plan: "p3", safety: "s2" }, remarks: { plan: "Clear order", safety: "Gloves late" }, feedback: "Solid work.\nKeep the bench tidy." };
const EMAIL_AGENT: Agent = { objectType: "Agent", name: "Ana Diaz", mbox: "mailto:ana.diaz@example.org" };

function taskReportOf(run: { reports: import("../../runtime/assessment/outcome").InteractionReport[] }) {
  return run.reports.find((r) => r.questionId === "observed")!;
}

describe("the task's answered statement (pure)", () => {
  const run = assessorAttempt(assessorCourse(), freshState(), true, full);
  const report = taskReportOf(run);

  it("grade as score, no success, the filled form in the task-rating extension, the assessor as instructor", () => {
    const statement = buildAnswered(frame(), report, xapiInteraction(report)!);
    expect(validateXapi(statement)).toEqual([]);
    expect(statement.verb.id).toBe("http://adlnet.gov/expapi/verbs/answered");
    expect(statement.object).toMatchObject({ id: "https://lms.example.test/au/1/q/observed", definition: { interactionType: "performance" } });
    const grade = (5 / 9) * 100;
    expect(statement.result).toEqual({
      response: "plan[.]100[,]safety[.]33.3333333",
      duration: expect.any(String),
      score: { scaled: 0.555556, raw: 55.5556, min: 0, max: 100 },
      extensions: {
        [EXT_TASK_RATING]: {
          method: "rubric",
          grade: Number(grade.toFixed(7)),
          counts: true,
          rater: "assessor",
          ratedAt: new Date(NOW + 7000).toISOString(),
          criteria: [
            { id: "plan", value: 100, level: "p3", remark: "Clear order" },
            { id: "safety", value: 33.3333333, level: "s2", remark: "Gloves late" },
          ],
          feedback: "Solid work.\nKeep the bench tidy.",
        },
      },
    });
    expect(statement.result?.success).toBeUndefined();
    expect(statement.context?.instructor).toEqual(EMAIL_AGENT);
  });

  it("an identifier that is not an email: an account on passmark's assessor home page", () => {
    const other = taskReportOf(assessorAttempt(assessorCourse(), freshState(), true, full, { name: "Bo Early", id: "EMP 0042" }));
    const statement = buildAnswered(frame(), other, xapiInteraction(other)!);
    expect(validateXapi(statement)).toEqual([]);
    expect(statement.context?.instructor).toEqual({ objectType: "Agent", name: "Bo Early", account: { homePage: ASSESSOR_HOME_PAGE, name: "EMP 0042" } });
  });

  it("never replaces an instructor the LMS's context template holds", () => {
    const lmsInstructor = { objectType: "Agent" as const, name: "Course tutor", mbox: "mailto:tutor@lms.example.test" };
    const f = { ...frame(), contextTemplate: { ...frame().contextTemplate, instructor: lmsInstructor } };
    expect(buildAnswered(f, report, xapiInteraction(report)!).context?.instructor).toEqual(lmsInstructor);
  });

  it("Passed and Failed carry the assessor of the attempt as instructor, and stay valid", () => {
    const passed = buildPassed(frame(), { score: 100, masteryScore: 0.8, sessionMs: 5000, assessor: ASSESSOR });
    const failed = buildFailed(frame(), { score: 40, masteryScore: 0.8, sessionMs: 5000, assessor: { name: "Bo Early", id: "EMP-42" } });
    for (const s of [passed, failed]) expect(validateXapi(s)).toEqual([]);
    expect(passed.context?.instructor).toEqual(EMAIL_AGENT);
    expect(failed.context?.instructor).toMatchObject({ name: "Bo Early", account: { name: "EMP-42" } });
    expect(buildPassed(frame(), { score: 100, masteryScore: 0.8, sessionMs: 5000 }).context?.instructor).toBeUndefined();
  });

  it("a self-assessment: the learner is the actor, no instructor; one that does not count has no score", () => {
    const c = selfAssessedCourse();
    let s = startAttempt(freshState(), c, { seed: 1, now: NOW, passingScore: PASSING });
    s = answerQuestion(s, c, "q1", { type: "single-choice", choice: "c" }, NOW + 1);
    s = answerQuestion(
      s,
      c,
      "reflect",
      {
        type: "task",
        text: "I planned well",
        rating: { filling: { plan: "p3", safety: "s6" }, remarks: {}, feedback: "Proud of it", rater: null, ratedAt: null },
      },
      NOW + 2,
    );
    const self = submitAttempt(s, c, { passingScore: PASSING, now: NOW + 3 })!.interactionReports.find((r) => r.questionId === "reflect")!;
    const statement = buildAnswered(frame(), self, xapiInteraction(self)!);
    expect(validateXapi(statement)).toEqual([]);
    expect(statement.context?.instructor).toBeUndefined();
    expect(statement.result?.score).toBeUndefined();
    expect(statement.result?.extensions?.[EXT_TASK_RATING]).toMatchObject({ rater: "learner", counts: false, grade: 100, feedback: "Proud of it" });
  });
});

let lms: LocalLms;
const marks = useLocalLms((started) => (lms = started));
afterEach(() => expect(marks.newViolations()).toEqual([]));

const instructorOf = (s: Statement | undefined) => s?.context?.instructor;

describe("cmi5 driver: a rated attempt against the local LMS", () => {
  it("passed: answered (task with instructor) and Passed with the same instructor; no violations", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    await driver.start();
    const run = assessorAttempt(assessorCourse(), freshState(), true, { filling: { plan: "p3", safety: "s6" }, remarks: {}, feedback: "Excellent." });
    for (const report of run.reports) driver.reportInteraction(report);
    driver.reportOutcome({ ...run.outcome, progress: 1 });
    await driver.exit();
    const statements = await readBack(lms, l.registration);
    expect(verbs(statements)).toEqual(["initialized", "answered", "answered", "answered", "completed", "passed", "terminated"]);
    const [q1, q2, task] = statements.slice(1, 4);
    expect(instructorOf(q1)).toBeUndefined();
    expect(instructorOf(q2)).toBeUndefined();
    expect(instructorOf(task)).toEqual(EMAIL_AGENT);
    expect(task!.result?.score).toEqual({ scaled: 1, raw: 100, min: 0, max: 100 });
    expect(instructorOf(statements[4])).toBeUndefined(); // Completed is about content, not the rating
    expect(instructorOf(statements[5])).toEqual(EMAIL_AGENT);
  });

  it("a failing attempt's Failed, deferred to the session end, carries its assessor", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage());
    await driver.start();
    const run = assessorAttempt(
      assessorCourse(3),
      freshState(),
      false,
      { filling: { plan: "p0", safety: "s2" }, remarks: {}, feedback: "Try again." },
      { name: "Bo Early", id: "EMP-42" },
    );
    expect(run.outcome).toMatchObject({ status: "failed", final: false });
    for (const report of run.reports) driver.reportInteraction(report);
    driver.reportOutcome(run.outcome);
    await driver.exit();
    const statements = await readBack(lms, l.registration);
    // No pages in this course: submitting the attempt completes it.
    expect(verbs(statements)).toEqual(["initialized", "answered", "answered", "answered", "completed", "failed", "terminated"]);
    const agent = { objectType: "Agent", name: "Bo Early", account: { homePage: ASSESSOR_HOME_PAGE, name: "EMP-42" } };
    expect(instructorOf(statements[3])).toEqual(agent);
    expect(instructorOf(statements[5])).toEqual(agent);
  });

  it("interactions off: no task statement, the Passed still names the assessor", async () => {
    const l = launch(lms);
    const driver = newDriver(l.url, new MemorySessionStorage(), newPage(), { reporting: { interactions: false } });
    await driver.start();
    const run = assessorAttempt(assessorCourse(), freshState(), true, { filling: { plan: "p3", safety: "s6" }, remarks: {}, feedback: "" });
    for (const report of run.reports) driver.reportInteraction(report);
    driver.reportOutcome({ ...run.outcome, progress: 1 });
    await driver.exit();
    const statements = await readBack(lms, l.registration);
    expect(verbs(statements)).toEqual(["initialized", "completed", "passed", "terminated"]);
    expect(instructorOf(statements[2])).toEqual(EMAIL_AGENT);
  });
});
