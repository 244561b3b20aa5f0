// Launch flows of the preview LMS over HTTP, as a course (or the launch page) would make them:
// cmi5 registration, LaunchData, single-use fetch, statements checked (403 + red log line on a rule
// violation); SCORM sessions seeded with the chosen facts, commits kept, relaunch resuming.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "@xapi/xapi";
import type { PreviewServer } from "../../authoring/preview/server";
import type { LaunchAnswer, ScormSessionConfig } from "../../authoring/preview/protocol";
import { buildInitialized } from "../../runtime/lms/cmi5/statements";
import { EXT_SESSION_ID } from "../../runtime/lms/cmi5/vocabulary";
import { Scorm12API, Scorm2004API } from "../lms-scorm/scorm-again";
import { postJson, previewOfStarter } from "./helpers";

let preview: PreviewServer;
beforeAll(async () => {
  preview = await previewOfStarter();
});
afterAll(async () => {
  await preview.close();
});

async function launch(body: unknown): Promise<LaunchAnswer> {
  const answer = await postJson<LaunchAnswer>(preview.origin, "/api/launch", body);
  expect(answer.status).toBe(200);
  return answer.json;
}

function xapi(token: string): Record<string, string> {
  return { Authorization: `Basic ${token}`, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" };
}

describe("cmi5 launch", () => {
  it("launches like an LMS: registration, LaunchData, single-use fetch, all on the package origin", async () => {
    const answer = await launch({ target: "cmi5", learner: "current", cmi5: { returnURL: "/lms/return" } });
    const url = new URL(answer.frameUrl);
    expect(url.origin).toBe(preview.packageOrigin);
    expect(url.pathname).toBe("/pkg/cmi5/index.html");
    expect(url.searchParams.get("endpoint")).toBe(`${preview.packageOrigin}/xapi/`);
    expect(url.searchParams.get("fetch")).toMatch(new RegExp(`^${preview.packageOrigin}/cmi5/fetch/`));
    expect(url.searchParams.get("registration")).toBe(answer.registration);
    expect((await fetch(url)).status).toBe(200);

    const fetchUrl = url.searchParams.get("fetch")!;
    const token = ((await (await fetch(fetchUrl, { method: "POST" })).json()) as Record<string, string>)["auth-token"]!;
    expect(token).toBeTruthy();
    expect(await (await fetch(fetchUrl, { method: "POST" })).json()).toMatchObject({ "error-code": "1" });

    const actor = url.searchParams.get("actor")!;
    const activityId = url.searchParams.get("activityId")!;
    const stateUrl = `${preview.packageOrigin}/xapi/activities/state?${new URLSearchParams({ stateId: "LMS.LaunchData", activityId, agent: actor, registration: answer.registration! })}`;
    const launchData = (await (await fetch(stateUrl, { headers: xapi(token) })).json()) as { contextTemplate: Context } & Record<string, unknown>;
    expect(launchData).toMatchObject({ launchMode: "Normal", moveOn: "Passed", masteryScore: 0.8, returnURL: `${preview.packageOrigin}/lms/return` });
    expect(launchData.contextTemplate.extensions?.[EXT_SESSION_ID]).toBe(answer.sessionId);
    expect(launchData.contextTemplate.contextActivities?.grouping).toEqual([
      { objectType: "Activity", id: "https://example.com/courses/fire-safety-basics/au" },
    ]);

    // A good statement is stored and logged; the same defined verb again is refused (403) and logged in red.
    const frame = { actor: JSON.parse(actor), activityId, registration: answer.registration!, contextTemplate: launchData.contextTemplate };
    const initialized = buildInitialized({ ...frame, id: crypto.randomUUID(), timestamp: new Date().toISOString() });
    const put = await fetch(`${preview.packageOrigin}/xapi/statements?statementId=${initialized.id}`, {
      method: "PUT",
      headers: xapi(token),
      body: JSON.stringify(initialized),
    });
    expect(put.status).toBe(204);
    const again = buildInitialized({ ...frame, id: crypto.randomUUID(), timestamp: new Date(Date.now() + 5).toISOString() });
    const refused = await fetch(`${preview.packageOrigin}/xapi/statements`, { method: "POST", headers: xapi(token), body: JSON.stringify([again]) });
    expect(refused.status).toBe(403);

    const events = preview.log.all({ target: "cmi5" });
    expect(events.find((e) => e.kind === "statement" && e.summary.startsWith("initialized"))).toMatchObject({ level: "info", sessionId: answer.sessionId });
    const red = events.find((e) => e.kind === "refused");
    expect(red).toMatchObject({ level: "error", sessionId: answer.sessionId });
    expect(red!.summary).toContain("9.3.0.0-2 (cmi5 §9.3): initialized twice in one session");
    expect(preview.view("cmi5")).toMatchObject({
      completion: "not completed",
      success: "unknown",
      facts: { Statements: "1", "Refused (rule violations)": "1" },
    });
  });

  it("writes the facts the author picked into LaunchData", async () => {
    const answer = await launch({
      target: "cmi5",
      learner: "current",
      cmi5: { masteryScore: null, launchMode: "Browse", moveOn: "CompletedOrPassed", returnURL: null },
    });
    const session = preview.lms.session(answer.sessionId)!;
    expect(session.info).toMatchObject({ launchMode: "Browse", masteryScore: null, registration: answer.registration });
    const url = new URL(answer.frameUrl);
    const token = ((await (await fetch(url.searchParams.get("fetch")!, { method: "POST" })).json()) as Record<string, string>)["auth-token"]!;
    const stateUrl = `${preview.packageOrigin}/xapi/activities/state?${new URLSearchParams({ stateId: "LMS.LaunchData", activityId: url.searchParams.get("activityId")!, agent: url.searchParams.get("actor")!, registration: answer.registration! })}`;
    const launchData = (await (await fetch(stateUrl, { headers: xapi(token) })).json()) as Record<string, unknown>;
    expect(launchData).toMatchObject({ launchMode: "Browse", moveOn: "CompletedOrPassed" });
    expect(launchData).not.toHaveProperty("masteryScore");
    expect(launchData).not.toHaveProperty("returnURL");
  });

  it("relaunch keeps the registration with a new session; a new learner gets a new registration", async () => {
    const first = await launch({ target: "cmi5", learner: "current" });
    const second = await launch({ target: "cmi5", learner: "current" });
    expect(second.registration).toBe(first.registration);
    expect(second.sessionId).not.toBe(first.sessionId);
    const other = await launch({ target: "cmi5", learner: "new" });
    expect(other.learnerId).not.toBe(first.learnerId);
    expect(other.registration).not.toBe(first.registration);
    // A learner selected by id is current again: relaunched with the same registration.
    expect(preview.learners.select(first.learnerId)?.id).toBe(first.learnerId);
    expect((await launch({ target: "cmi5", learner: "current" })).registration).toBe(first.registration);
    expect(preview.learners.select("learner-999")).toBeNull();
  });

  it("refuses a bad launch request and names the field", async () => {
    for (const [body, field] of [
      [{ target: "aicc" }, "target"],
      [{ target: "cmi5", cmi5: { masteryScore: 120 } }, "cmi5.masteryScore"],
      [{ target: "cmi5", cmi5: { launchMode: "normal" } }, "cmi5.launchMode"],
      [{ target: "scorm12", scorm: { commitFailures: -1 } }, "scorm.commitFailures"],
      [{ target: "scorm12", learner: "someone" }, "learner"],
    ] as const) {
      const answer = await postJson<{ message: string }>(preview.origin, "/api/launch", body);
      expect(answer.status).toBe(400);
      expect(answer.json.message.startsWith(`${field}:`), answer.json.message).toBe(true);
    }
  });
});

async function scormConfig(sessionId: string): Promise<ScormSessionConfig> {
  return (await (await fetch(`${preview.packageOrigin}/api/scorm/session/${sessionId}`)).json()) as ScormSessionConfig;
}

async function commit(sessionId: string, seq: number, data: Record<string, unknown>, terminate = false): Promise<boolean> {
  return (await postJson<{ kept: boolean }>(preview.packageOrigin, "/api/scorm/commit", { sessionId, seq, terminate, data })).json.kept;
}

describe("SCORM launch", () => {
  it("seeds SCORM 1.2 with the chosen facts, in a form scorm-again loads", async () => {
    const answer = await launch({
      target: "scorm12",
      learner: "new",
      scorm: { credit: false, mode: "review", masteryScore: 70, previousStatus: "incomplete" },
    });
    expect(answer.frameUrl).toBe(`${preview.packageOrigin}/host/scorm.html?session=${answer.sessionId}`);
    const config = await scormConfig(answer.sessionId);
    expect(config).toMatchObject({ version: "1.2", scoUrl: "/pkg/scorm12/index.html", commitFailures: 0 });
    const lms = new Scorm12API({ mastery_override: false, logLevel: 5, autocommit: false });
    lms.loadFromJSON(config.seed, "");
    expect(lms.LMSInitialize("")).toBe("true");
    expect(lms.LMSGetValue("cmi.core.credit")).toBe("no-credit");
    expect(lms.LMSGetValue("cmi.core.lesson_mode")).toBe("review");
    expect(lms.LMSGetValue("cmi.student_data.mastery_score")).toBe("70");
    expect(lms.LMSGetValue("cmi.core.lesson_status")).toBe("incomplete");
    expect(lms.LMSGetValue("cmi.core.entry")).toBe("ab-initio");
    expect(lms.LMSGetValue("cmi.core.student_id")).toBe(answer.learnerId);
  });

  it("SCORM 1.2: keeps commits (never an older one over a newer), and a relaunch resumes", async () => {
    const first = await launch({ target: "scorm12", learner: "new" });
    const saved = {
      cmi: {
        core: { lesson_status: "incomplete", exit: "suspend", lesson_location: "p3", score: { raw: "", min: "", max: "" } },
        suspend_data: "resume-state",
      },
    };
    expect(await commit(first.sessionId, 2, saved)).toBe(true);
    expect(await commit(first.sessionId, 1, { cmi: { core: { lesson_status: "not attempted" } } })).toBe(false);
    expect(preview.view("scorm12")).toMatchObject({ completion: "incomplete", facts: { suspend_data: "12 characters", Exit: '"suspend"' } });
    const second = await launch({ target: "scorm12", learner: "current" });
    const lms = new Scorm12API({ mastery_override: false, logLevel: 5, autocommit: false });
    lms.loadFromJSON((await scormConfig(second.sessionId)).seed, "");
    lms.LMSInitialize("");
    expect(lms.LMSGetValue("cmi.core.entry")).toBe("resume");
    expect(lms.LMSGetValue("cmi.suspend_data")).toBe("resume-state");
    expect(lms.LMSGetValue("cmi.core.lesson_location")).toBe("p3");
    expect(lms.LMSGetValue("cmi.student_data.mastery_score")).toBe("80");
  });

  it("SCORM 2004: resumes after exit suspend, starts a new attempt after any other exit", async () => {
    const first = await launch({ target: "scorm2004-4", learner: "new" });
    await commit(
      first.sessionId,
      1,
      {
        cmi: {
          completion_status: "incomplete",
          success_status: "failed",
          exit: "suspend",
          suspend_data: "s1",
          score: { scaled: "0.5", raw: "50", min: "0", max: "100" },
        },
      },
      true,
    );
    const second = await launch({ target: "scorm2004-4", learner: "current" });
    const resumed = new Scorm2004API({ logLevel: 5, autocommit: false });
    resumed.loadFromJSON((await scormConfig(second.sessionId)).seed, "");
    resumed.Initialize("");
    expect(resumed.GetValue("cmi.entry")).toBe("resume");
    expect(resumed.GetValue("cmi.suspend_data")).toBe("s1");
    expect(resumed.GetValue("cmi.success_status")).toBe("failed");
    expect(resumed.GetValue("cmi.scaled_passing_score")).toBe("0.8");
    await commit(second.sessionId, 1, { cmi: { completion_status: "completed", success_status: "passed", exit: "normal", suspend_data: "s2" } }, true);
    const third = await launch({ target: "scorm2004-4", learner: "current" });
    const fresh = new Scorm2004API({ logLevel: 5, autocommit: false });
    fresh.loadFromJSON((await scormConfig(third.sessionId)).seed, "");
    fresh.Initialize("");
    expect(fresh.GetValue("cmi.entry")).toBe("ab-initio");
    expect(fresh.GetValue("cmi.suspend_data")).toBe("");
  });

  it("records the host page's flags in the session and logs them in red", async () => {
    const answer = await launch({ target: "scorm12", learner: "current" });
    const posted = await postJson<{ accepted: number }>(preview.packageOrigin, "/api/scorm/events", {
      sessionId: answer.sessionId,
      events: [
        { level: "info", kind: "scorm-call", summary: 'LMSInitialize("") → "true"' },
        { level: "error", kind: "scorm-flag", summary: "cmi.suspend_data of 5000 characters" },
      ],
    });
    expect(posted.json.accepted).toBe(2);
    expect(preview.scorm.session(answer.sessionId)!.flags).toEqual(["cmi.suspend_data of 5000 characters"]);
    expect(
      preview.log
        .all({ sessionId: answer.sessionId })
        .filter((e) => e.level === "error")
        .map((e) => e.summary),
    ).toEqual(["cmi.suspend_data of 5000 characters"]);
    expect((await postJson(preview.packageOrigin, "/api/scorm/events", { sessionId: "nope", events: [] })).status).toBe(400);
  });
});
