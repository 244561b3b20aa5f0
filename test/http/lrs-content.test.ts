// The local LRS's /content/ (a package served next to the LRS, for the browser tests) and its route
// table's refusals, on authoring/http.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startLocalLms, type LocalLms } from "../../authoring/lrs";

let dir: string;
let lms: LocalLms;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "passmark-lrs-content-"));
  await mkdir(join(dir, "package"));
  await writeFile(join(dir, "package", "index.html"), "<!doctype html><title>AU</title>");
  await writeFile(join(dir, "outside.json"), "{}");
  lms = await startLocalLms({ persistFile: null, contentRoot: join(dir, "package") });
});
afterAll(async () => {
  await lms.close();
  await rm(dir, { recursive: true, force: true });
});

it("serves the package with its type, byte ranges and the xAPI version header", async () => {
  const page = await fetch(`${lms.origin}/content/index.html`);
  expect([page.status, page.headers.get("content-type"), page.headers.get("x-experience-api-version")]).toEqual([200, "text/html; charset=utf-8", "1.0.3"]);
  const part = await fetch(`${lms.origin}/content/`, { headers: { Range: "bytes=-4" } });
  expect([part.status, part.headers.get("content-range"), await part.text()]).toEqual([206, "bytes 28-31/32", "tle>"]);
});

it("refuses paths outside it, writes, and what it does not know — and logs each answer", async () => {
  expect((await fetch(`${lms.origin}/content/..%2foutside.json`)).status).toBe(403);
  expect((await fetch(`${lms.origin}/content/index.html`, { method: "POST", body: "x" })).status).toBe(405);
  const unknown = await fetch(`${lms.origin}/nothing-here`);
  expect([unknown.status, unknown.headers.get("x-experience-api-version")]).toEqual([404, "1.0.3"]);
  expect((await fetch(`${lms.origin}/cmi5/fetch/abc`)).status).toBe(405);
  // An answer is logged when it has been written out, so a streamed answer of the test before may be
  // logged among these: look for each, not at the last four.
  await expect
    .poll(() => lms.requests.map((r) => `${r.method} ${r.path} ${r.status}`))
    .toEqual(
      expect.arrayContaining(["GET /content/..%2foutside.json 403", "POST /content/index.html 405", "GET /nothing-here 404", "GET /cmi5/fetch/abc 405"]),
    );
});
