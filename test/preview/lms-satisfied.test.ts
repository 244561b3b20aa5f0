// The local LMS's Satisfied statements over HTTP (cmi5 §9.3.9, §9.6.1): two AUs of one course share a
// registration; each AU's Completed is its own (the registration-wide rules are per AU); once every
// AU met its moveOn the LMS records Satisfied for the block and the course, in the triggering
// session, valid xAPI, once; an AU's later Terminated is still accepted. A block of NotApplicable
// AUs is satisfied at launch, with a session id of its own. A launch without a course records none.
import validateXapi from "@learninglocker/xapi-validation";
import type { Agent, Statement } from "@xapi/xapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import type { Cmi5Launch } from "../../authoring/lrs/launch";
import { VERB_SATISFIED, type Cmi5GroupEntry } from "../../authoring/lrs/satisfied";
import { buildCompleted, buildInitialized, buildPassed, buildTerminated, type StatementFrame } from "../../runtime/lms/cmi5/statements";
import { EXT_SESSION_ID } from "../../runtime/lms/cmi5/vocabulary";

let lms: LocalLms;
beforeAll(async () => {
  lms = await startLocalLms();
});
afterAll(async () => {
  await lms.close();
});

const actor: Agent = { objectType: "Agent", account: { homePage: "https://lms.example.test", name: "ada" } };
const course = (moveOn: "Completed" | "NotApplicable"): Cmi5GroupEntry => ({
  kind: "course",
  publisherId: "https://ex.test/course",
  lmsId: "https://lms.example.test/course/1",
  title: "Safety",
  children: [
    { kind: "au", publisherId: "https://ex.test/au/welcome", activityId: "https://lms.example.test/au/welcome", moveOn },
    {
      kind: "block",
      publisherId: "https://ex.test/block/hazards",
      lmsId: "https://lms.example.test/block/1",
      title: "Hazards",
      children: [{ kind: "au", publisherId: "https://ex.test/au/fire", activityId: "https://lms.example.test/au/fire", moveOn: "Passed" }],
    },
  ],
});

/** Plays an AU session over HTTP as an AU would: fetch the token, then send `verbs` one request each. */
async function play(launch: Cmi5Launch, publisherId: string, verbs: ("completed" | "passed")[]): Promise<number[]> {
  const token = ((await (await fetch(launch.fetchUrl, { method: "POST" })).json()) as Record<string, string>)["auth-token"]!;
  let clock = Date.now();
  const frame = (): StatementFrame => ({
    id: crypto.randomUUID(),
    timestamp: new Date((clock += 10)).toISOString(),
    actor: launch.actor as StatementFrame["actor"],
    activityId: launch.activityId,
    registration: launch.registration,
    contextTemplate: {
      contextActivities: { grouping: [{ objectType: "Activity", id: publisherId }] },
      extensions: { [EXT_SESSION_ID]: launch.sessionId },
    },
  });
  const start = clock;
  const statements = [
    buildInitialized(frame()),
    ...verbs.map((verb) =>
      verb === "completed" ? buildCompleted(frame(), clock - start) : buildPassed(frame(), { score: 90, masteryScore: null, sessionMs: clock - start }),
    ),
  ];
  statements.push(buildTerminated(frame(), clock + 10 - start));
  const statuses: number[] = [];
  for (const statement of statements) {
    const response = await fetch(`${lms.endpoint}statements`, {
      method: "POST",
      headers: { Authorization: `Basic ${token}`, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
      body: JSON.stringify(statement),
    });
    statuses.push(response.status);
  }
  return statuses;
}

const satisfiedIn = (registration: string): Statement[] => lms.statements({ registration, verb: VERB_SATISFIED });

describe("the local LMS records Satisfied for blocks and the course", () => {
  it("once every AU met its moveOn, in the triggering session, valid, once; each AU's Completed is its own", async () => {
    const registration = crypto.randomUUID();
    const launch = (au: "welcome" | "fire") =>
      lms.launch({
        auUrl: "https://content.example.test/index.html?pmUnit=" + au,
        activityId: `https://lms.example.test/au/${au}`,
        publisherId: `https://ex.test/au/${au}`,
        actor,
        registration,
        course: course("Completed"),
      });
    const fire = launch("fire");
    expect(new URL(fire.url).search).toMatch(/^\?pmUnit=fire&endpoint=/); // cmi5 §8.1: appended to the AU's own query
    expect(await play(fire, "https://ex.test/au/fire", ["completed", "passed"])).toEqual([200, 200, 200, 200]);
    const afterFire = satisfiedIn(registration);
    expect(afterFire.map((s) => (s.object as { id: string }).id)).toEqual(["https://lms.example.test/block/1"]);
    expect(afterFire[0]!.context?.extensions?.[EXT_SESSION_ID]).toBe(fire.sessionId);

    // The second AU's Completed is not "a second Completed in the registration" (cmi5 §9.3: per AU).
    const welcome = launch("welcome");
    expect(await play(welcome, "https://ex.test/au/welcome", ["completed"])).toEqual([200, 200, 200]);
    const all = satisfiedIn(registration);
    expect(all.map((s) => (s.object as { id: string }).id)).toEqual(["https://lms.example.test/block/1", "https://lms.example.test/course/1"]);
    expect(all[1]!.context?.extensions?.[EXT_SESSION_ID]).toBe(welcome.sessionId);
    for (const statement of all) expect(validateXapi(statement)).toEqual([]);
    expect(lms.violations).toEqual([]);

    // Another session changes nothing: never twice (cmi5 §9.3.9 SHOULD NOT).
    await play(launch("welcome"), "https://ex.test/au/welcome", []);
    expect(satisfiedIn(registration)).toHaveLength(2);
  });

  it("evaluates moveOn at launch: a NotApplicable AU is met at once, its Satisfied in a session of its own (cmi5 §9.6.1)", () => {
    const registration = crypto.randomUUID();
    const launch = lms.launch({
      auUrl: "https://content.example.test/index.html",
      activityId: "https://lms.example.test/au/welcome",
      actor,
      registration,
      course: { ...course("NotApplicable"), children: [course("NotApplicable").children[0]!] },
    });
    const [satisfied] = satisfiedIn(registration);
    expect((satisfied?.object as { id: string }).id).toBe("https://lms.example.test/course/1");
    const session = satisfied?.context?.extensions?.[EXT_SESSION_ID];
    expect(typeof session === "string" && session !== launch.sessionId).toBe(true);
  });

  it("records nothing for a launch that names no course", async () => {
    const registration = crypto.randomUUID();
    const launch = lms.launch({
      auUrl: "https://content.example.test/index.html",
      activityId: "https://lms.example.test/au/solo",
      actor,
      registration,
      moveOn: "Passed",
    });
    await play(launch, "https://lms.example.test/au/solo", ["passed"]);
    expect(satisfiedIn(registration)).toEqual([]);
  });
});
