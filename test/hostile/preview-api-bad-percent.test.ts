// Hostile input: malformed percent-encoding in request paths ("%E0%A4%A", "%", "%zz") — the SCORM
// session path, package files. A 400 saying so, never a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewServer } from "../../authoring/preview/server";
import { previewOfBlank, send } from "./preview-helpers";

let preview: PreviewServer;
beforeAll(async () => {
  preview = await previewOfBlank("scorm12");
});
afterAll(async () => {
  await preview.close();
});

describe("malformed percent-encoding in a path", () => {
  it.each(["%E0%A4%A", "%", "%zz", "abc%C0"])("GET /api/scorm/session/%s → 400", async (bad) => {
    const answer = await send(preview.packageOrigin, `/api/scorm/session/${bad}`);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ message: "the session id in the path is not valid percent-encoding" });
  });

  it.each(["%E0%A4%A", "%", "%zz"])("GET /pkg/scorm12/%s → 400", async (bad) => {
    expect((await send(preview.packageOrigin, `/pkg/scorm12/${bad}`)).status).toBe(400);
  });
});
