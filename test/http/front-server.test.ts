// bench/lib/front-server.ts on authoring/http: static files from its mounts, and LMS traffic
// forwarded to the local LRS and logged with its verbs (what the cmi5 benchmarks count).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFrontServer, type FrontServer } from "../../bench/lib/front-server";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";

let dir: string;
let lms: LocalLms;
let front: FrontServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "passmark-front-"));
  await writeFile(join(dir, "index.html"), "<!doctype html><title>package</title>");
  lms = await startLocalLms({ persistFile: null });
  front = await startFrontServer(lms.origin, { "/content/": dir });
});
afterAll(async () => {
  await front.close();
  await lms.close();
  await rm(dir, { recursive: true, force: true });
});

it("serves its mounts and nothing else", async () => {
  const page = await fetch(`${front.origin}/content/index.html`);
  expect([page.status, page.headers.get("content-type"), page.headers.get("cache-control")]).toEqual([200, "text/html; charset=utf-8", "no-store"]);
  expect(await page.text()).toContain("<title>package</title>");
  expect((await fetch(`${front.origin}/elsewhere/index.html`)).status).toBe(404);
  expect(front.proxied).toEqual([]);
});

it("forwards xAPI to the LRS and logs each request with its verbs", async () => {
  const verb = "http://adlnet.gov/expapi/verbs/experienced";
  const statement = { actor: { mbox: "mailto:ada@example.test" }, verb: { id: verb }, object: { id: "https://example.test/a" } };
  const answer = await fetch(`${front.origin}/xapi/statements`, {
    method: "POST",
    headers: { Authorization: lms.adminAuth, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
    body: JSON.stringify(statement),
  });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("x-experience-api-version")).toBe("1.0.3");
  const stored = await front.whenStored(verb, 5000);
  expect(stored).toMatchObject({ method: "POST", path: "/xapi/statements", status: 200, verbs: [verb] });
  expect(stored.endedAt).toBeGreaterThanOrEqual(stored.startedAt);
  expect(lms.statements({ verb })).toHaveLength(1);
  await front.whenIdle(10, 5000);
});

it("logs the LRS's refusals with the start of its answer", async () => {
  expect((await fetch(`${front.origin}/xapi/statements`)).status).toBe(401);
  expect(front.proxied.at(-1)).toMatchObject({ method: "GET", status: 401, error: expect.stringContaining("unknown or revoked credentials") });
});
