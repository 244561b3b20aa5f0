// Resume through the xAPI State API (docs/xapi-target.md "Resume"): our document, keyed by activity,
// agent and registration; a later session starts from it, repeats no attempted/completed/passed, and
// works with the legacy Tin Can actor form and without a registration.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";
import { TINCAN_STATE_ID } from "../../runtime/lms/tincan/state-document";
import { outcome } from "../lms-cmi5/helpers";
import { COURSE_ID, expectValidTincan, newTincanDriver, tincanLaunch, verbs } from "./helpers";

let lms: LocalLms;
beforeAll(async () => void (lms = await startLocalLms()));
afterAll(() => lms.close());

async function stateDocument(activityId: string, agent: unknown, registration: string | null): Promise<unknown> {
  const url = new URL(`${lms.endpoint}activities/state`);
  url.searchParams.set("activityId", activityId);
  url.searchParams.set("agent", JSON.stringify(agent));
  url.searchParams.set("stateId", TINCAN_STATE_ID);
  if (registration !== null) url.searchParams.set("registration", registration);
  const response = await fetch(url, { headers: { Authorization: lms.adminAuth, "X-Experience-API-Version": "1.0.3" } });
  return response.status === 404 ? null : response.json();
}

describe("resume via the State API", () => {
  it("the second session gets the state, sends initialized only, and no second completed or passed", async () => {
    const first = tincanLaunch(lms);
    const one = newTincanDriver(first.url);
    await one.start();
    one.saveState("v1|state-after-page-3", "page-3");
    one.reportOutcome(outcome({ completed: true, status: "passed", score: 100, final: true }));
    await one.exit();
    expect(await stateDocument(COURSE_ID, first.actor, first.registration)).toMatchObject({
      resumeState: "v1|state-after-page-3",
      location: "page-3",
      completedSent: true,
      passedSent: true,
    });

    const second = tincanLaunch(lms, { registration: first.registration });
    const two = newTincanDriver(second.url);
    const facts = await two.start();
    expect(facts).toMatchObject({ resumeState: "v1|state-after-page-3", resumed: true });
    two.reportOutcome(outcome({ completed: true, status: "passed", score: 100, final: true }));
    await two.exit();
    const stored = lms.statements({ registration: first.registration! });
    expect(verbs(stored)).toEqual(["attempted", "initialized", "completed", "passed", "terminated", "initialized", "terminated"]);
    expectValidTincan(stored);
  });

  it("the legacy actor form (arrays) is normalised: statements and State use one Agent, and resume works", async () => {
    const legacy = { name: ["Grace Hopper"], mbox: ["mailto:grace@example.test"] };
    const first = tincanLaunch(lms, { actor: legacy as never });
    const one = newTincanDriver(first.url);
    expect((await one.start()).learner).toEqual({ id: "grace@example.test", name: "Grace Hopper" });
    one.saveState("v1|legacy", null);
    await one.exit();
    const agent = { objectType: "Agent", name: "Grace Hopper", mbox: "mailto:grace@example.test" };
    expect(await stateDocument(COURSE_ID, agent, first.registration)).toMatchObject({ resumeState: "v1|legacy" });
    const stored = lms.statements({ registration: first.registration! });
    expectValidTincan(stored);
    for (const s of stored) expect(s.actor).toEqual(agent);

    const again = newTincanDriver(tincanLaunch(lms, { actor: legacy as never, registration: first.registration }).url);
    expect((await again.start()).resumeState).toBe("v1|legacy");
    await again.exit();
  });

  it("without a registration (optional in Tin Can): no registration anywhere, resume by activity and agent", async () => {
    const actor = { objectType: "Agent" as const, name: "Lin", account: { homePage: "https://lms.example.test", name: "lin-no-registration" } };
    const first = tincanLaunch(lms, { registration: null, actor });
    expect(new URL(first.url).searchParams.has("registration")).toBe(false);
    const one = newTincanDriver(first.url);
    await one.start();
    one.saveState("v1|no-registration", null);
    await one.exit();
    const sent = lms.statements().filter((s) => JSON.stringify(s.actor).includes("lin-no-registration"));
    expect(verbs(sent)).toEqual(["attempted", "initialized", "terminated"]);
    for (const s of sent) expect(s.context?.registration).toBeUndefined();
    expectValidTincan(sent);
    expect(await stateDocument(COURSE_ID, actor, null)).toMatchObject({ resumeState: "v1|no-registration" });
    const two = newTincanDriver(tincanLaunch(lms, { registration: null, actor }).url);
    expect(await two.start()).toMatchObject({ resumeState: "v1|no-registration", resumed: true });
    await two.exit();
  });

  it("activity_id absent: the package's own id (the course data's) is the activity", async () => {
    const l = tincanLaunch(lms);
    const url = new URL(l.url);
    url.searchParams.delete("activity_id");
    const driver = newTincanDriver(url.toString(), undefined, undefined, { courseId: "https://courses.example.test/own-id" });
    await driver.start();
    await driver.exit();
    const stored = lms.statements({ registration: l.registration! });
    expect(stored.map((s) => (s.object as { id: string }).id)).toEqual(Array(3).fill("https://courses.example.test/own-id"));
  });
});
