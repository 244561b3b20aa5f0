// Hostile input: a package's own script calling the preview API (start a launch, read the log) — it
// runs in the course frame, so it used to be same-origin with /api. Package files now come from
// another origin (another port), the preview API refuses that origin, and the preview origin serves
// no package files. The package origin answers only the SCORM host page's three calls.
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

describe("a package's script and the preview API", () => {
  it("are on different origins: package files only on the package origin, the API only on the preview's", async () => {
    expect(preview.packageOrigin).not.toBe(preview.origin);
    const frameUrl = new URL(preview.launch({ target: "scorm12", learner: "current" }).frameUrl);
    expect(frameUrl.origin).toBe(preview.packageOrigin);
    expect((await send(preview.packageOrigin, "/pkg/scorm12/sco.html")).status).toBe(200);
    expect((await send(preview.origin, "/pkg/scorm12/sco.html")).status).toBe(404);
    for (const path of ["/api/info", "/api/log.json", "/api/events"]) expect((await send(preview.packageOrigin, path)).status, path).toBe(404);
    expect((await send(preview.origin, "/api/info")).status).toBe(200);
  });

  it("a launch posted from the package origin is refused, with JSON or as a simple request", async () => {
    const before = preview.log.all().filter((e) => e.kind === "launch").length;
    const body = JSON.stringify({ target: "scorm12", learner: "new" });
    expect((await postJsonFrom(preview.origin, "/api/launch", body, preview.packageOrigin)).status).toBe(403);
    expect(
      (await send(preview.origin, "/api/launch", { method: "POST", headers: { Origin: preview.packageOrigin, "Content-Type": "text/plain" }, body })).status,
    ).toBe(415);
    expect((await postJsonFrom(preview.packageOrigin, "/api/launch", body)).status).toBe(404);
    expect(preview.log.all().filter((e) => e.kind === "launch").length).toBe(before);
  });

  it("the preview API grants the package origin no CORS", async () => {
    const answer = await send(preview.origin, "/api/info", { headers: { Origin: preview.packageOrigin } });
    expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
