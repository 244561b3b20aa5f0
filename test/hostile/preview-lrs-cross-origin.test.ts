// Hostile input: a page of another origin reading the preview's LRS — a CORS preflight and a GET with
// an Origin, on the LRS's own port and through the package origin. The LRS grants no CORS at all
// (it used to answer Access-Control-Allow-Origin: *), so a browser never hands the answer to that page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewServer } from "../../authoring/preview/server";
import { previewOfBlank, send } from "./preview-helpers";

let preview: PreviewServer;
beforeAll(async () => {
  preview = await previewOfBlank("cmi5");
});
afterAll(async () => {
  await preview.close();
});

describe("a cross-origin page reading the LRS", () => {
  it("gets no CORS grant from a preflight or a request, on either port", async () => {
    for (const origin of [preview.lms.origin, preview.packageOrigin]) {
      const preflight = await send(origin, "/xapi/statements", {
        method: "OPTIONS",
        headers: {
          Origin: "https://evil.example",
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "authorization,x-experience-api-version",
        },
      });
      expect(preflight.headers["access-control-allow-origin"], origin).toBeUndefined();
      expect(preflight.headers["access-control-allow-headers"], origin).toBeUndefined();
      const read = await send(origin, "/xapi/statements", {
        headers: { Origin: "https://evil.example", Authorization: preview.lms.adminAuth, "X-Experience-API-Version": "1.0.3" },
      });
      expect(read.status, origin).toBe(200);
      expect(read.headers["access-control-allow-origin"], origin).toBeUndefined();
    }
  });
});
