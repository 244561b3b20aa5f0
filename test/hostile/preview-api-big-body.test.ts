// Hostile input: request bodies far over any real one — 2 MiB to the preview API, 6 MiB to xAPI
// (through the package origin and on the local LRS's own port). Answered 413 naming the limit; the
// server keeps answering.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewServer } from "../../authoring/preview/server";
import { postJsonFrom, previewOfBlank, send } from "./preview-helpers";

let preview: PreviewServer;
let sessionId: string;
beforeAll(async () => {
  preview = await previewOfBlank("scorm12");
  sessionId = preview.launch({ target: "scorm12", learner: "current" }).sessionId;
});
afterAll(async () => {
  await preview.close();
});

const padded = (bytes: number) => JSON.stringify({ sessionId, seq: 1, terminate: false, data: { cmi: { suspend_data: "x".repeat(bytes) } } });
const xapiHeaders = () => ({ Authorization: preview.lms.adminAuth, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" });

describe("an oversized body", () => {
  it("to the preview API (over 1 MiB) is answered 413", async () => {
    const answer = await postJsonFrom(preview.packageOrigin, "/api/scorm/commit", padded(2 * 1024 * 1024));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ message: "the request body is over 1048576 bytes" });
    expect((await postJsonFrom(preview.origin, "/api/launch", JSON.stringify({ target: "scorm12", pad: "x".repeat(2 * 1024 * 1024) }))).status).toBe(413);
    expect(preview.scorm.session(sessionId)!.commits).toBe(0);
    expect((await postJsonFrom(preview.packageOrigin, "/api/scorm/commit", padded(10))).status).toBe(200);
  });

  it("to xAPI (over 4 MiB) is answered 413, through the preview and on the LRS's own port", async () => {
    const body = `[${JSON.stringify("x".repeat(6 * 1024 * 1024))}]`;
    for (const origin of [preview.packageOrigin, preview.lms.origin]) {
      const answer = await send(origin, "/xapi/statements", { method: "POST", headers: xapiHeaders(), body });
      expect(answer.status, origin).toBe(413);
      expect(JSON.parse(answer.body)).toEqual({ message: "the request body is over 4194304 bytes" });
    }
    expect((await send(preview.lms.origin, "/xapi/about")).status).toBe(200);
  });
});
