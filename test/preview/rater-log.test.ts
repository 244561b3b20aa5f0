// The preview's LMS log shows who rated a task (docs/reporting.md "Rated tasks"): the cmi5 summary
// line names context.instructor; a SCORM rater comment gets a note of its own.
import { describe, expect, it } from "vitest";
import { loggedApi } from "../../authoring/preview/browser/scorm-api-log";
import { describe as describeStatement } from "../../authoring/preview/cmi5-log";
import type { HostEvent } from "../../authoring/preview/protocol";
import { buildAnswered, buildPassed } from "../../runtime/lms/cmi5/statements";
import { xapiInteraction } from "../../runtime/lms/xapi/interaction";
import { assessorAttempt, assessorCourse, freshState } from "../assessment/rated-task-flow";
import { loadTaskKit } from "../../runtime/assessment/task-kit";

// The engine's task code is a chunk of its own: a course with a task loads it first (app/boot.ts).
await loadTaskKit();

const frame = {
  id: "0a6b3c1e-2f4d-4e5a-8b7c-9d0e1f2a3b4c",
  timestamp: "2027-01-15T08:00:10.000Z",
  actor: { objectType: "Agent" as const, account: { homePage: "https://lms.example.test", name: "ada" } },
  activityId: "https://lms.example.test/au/1",
  registration: "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d",
  contextTemplate: {},
};

describe("preview log: the rater", () => {
  it("cmi5: the task's answered and the Passed name the assessor", () => {
    const run = assessorAttempt(assessorCourse(), freshState(), true, { filling: { plan: "p3", safety: "s6" }, remarks: {}, feedback: "" });
    const task = run.reports.find((r) => r.questionId === "observed")!;
    expect(describeStatement(buildAnswered(frame, task, xapiInteraction(task)!))).toMatch(
      /^answered · observed · score 1 · rated by Ana Diaz <ana\.diaz@example\.org> · PT/,
    );
    expect(describeStatement(buildPassed(frame, { score: 100, masteryScore: null, sessionMs: 1000, assessor: { name: "Bo", id: "EMP-4" } }))).toBe(
      "passed · score 1 · success true · rated by Bo <EMP-4> · PT1S",
    );
  });

  it("SCORM: an accepted rater comment is noted with its newest entry", () => {
    const events: HostEvent[] = [];
    const api = { LMSSetValue: () => "true", LMSGetLastError: () => "0" };
    const logged = loggedApi(api, { version: "1.2", emit: (e) => events.push(e) });
    logged.LMSSetValue!(
      "cmi.comments",
      "Earlier. [t1, attempt 1] Grade 80/100. Rated by A (a). [t1, attempt 2] Grade 90/100. Rated by Bo (EMP-4), 2027-01-15T08:00:00Z.",
    );
    expect(events.map((e) => [e.kind, e.summary])).toContainEqual([
      "note",
      "rater comment in cmi.comments: [t1, attempt 2] Grade 90/100. Rated by Bo (EMP-4), 2027-01-15T08:00:00Z.",
    ]);
  });
});
