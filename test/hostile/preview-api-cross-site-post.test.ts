// Hostile input: a cross-site POST to the preview API — what any page the author visits can send to
// the fixed port without a CORS preflight (a form or fetch with Content-Type text/plain), and the
// same with JSON from a foreign Origin or from the package's own origin. None may start a session;
// the preview's own pages (JSON, own Origin) and Node clients (JSON, no Origin) still can.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewServer } from "../../authoring/preview/server";
import { postJsonFrom, previewOfBlank, send } from "./preview-helpers";

let preview: PreviewServer;
beforeAll(async () => {
  preview = await previewOfBlank("scorm12");
});
afterAll(async () => {
  await preview.close();
});

const LAUNCH = JSON.stringify({ target: "scorm12", learner: "new" });
const launches = () => preview.log.all().filter((e) => e.kind === "launch").length;

describe("a cross-site POST /api/launch", () => {
  it("with Content-Type text/plain from another site is refused (415) and starts nothing", async () => {
    const answer = await send(preview.origin, "/api/launch", {
      method: "POST",
      headers: { "Content-Type": "text/plain;charset=UTF-8", Origin: "https://evil.example" },
      body: LAUNCH,
    });
    expect(answer.status).toBe(415);
    expect(JSON.parse(answer.body).message).toBe('POST needs Content-Type: application/json (got "text/plain")');
    expect(launches()).toBe(0);
  });

  it("with JSON from another origin, or from the package origin, is refused (403) and starts nothing", async () => {
    for (const origin of ["https://evil.example", "null", preview.packageOrigin]) {
      const answer = await postJsonFrom(preview.origin, "/api/launch", LAUNCH, origin);
      expect(answer.status, origin).toBe(403);
      expect(JSON.parse(answer.body).message).toContain(`requests from ${origin} are refused`);
    }
    expect(launches()).toBe(0);
  });

  it("is never granted by a preflight", async () => {
    const preflight = await send(preview.origin, "/api/launch", {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("from the launch page itself (its own Origin) or a Node client (no Origin) still launches", async () => {
    expect((await postJsonFrom(preview.origin, "/api/launch", LAUNCH)).status).toBe(200);
    expect((await postJsonFrom(preview.origin, "/api/launch", LAUNCH, `http://localhost:${preview.port}`)).status).toBe(200);
    expect((await postJsonFrom(preview.origin, "/api/launch", LAUNCH, null)).status).toBe(200);
    expect(launches()).toBe(3);
  });
});
