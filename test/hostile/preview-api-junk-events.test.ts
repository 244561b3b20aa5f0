// Hostile input: junk log events from "the SCORM host page" — not objects, no summary, unknown level
// or kind, ten thousand of them. Refused with 400 naming the first bad event; nothing reaches the log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewServer } from "../../authoring/preview/server";
import { postJsonFrom, previewOfBlank } from "./preview-helpers";

let preview: PreviewServer;
let sessionId: string;
beforeAll(async () => {
  preview = await previewOfBlank("scorm12");
  sessionId = preview.launch({ target: "scorm12", learner: "current" }).sessionId;
});
afterAll(async () => {
  await preview.close();
});

const good = { level: "info", kind: "scorm-call", summary: 'LMSInitialize("") → "true"' };

describe("junk SCORM host events", () => {
  it.each([
    [[good, null], "events[1]: expected an object { level, kind, summary, detail }"],
    [[5], "events[0]: expected an object { level, kind, summary, detail }"],
    [[{ ...good, summary: 5 }], "events[0].summary: expected a string"],
    [[{ ...good, level: "fatal" }], "events[0].level: expected one of info, warn, error"],
    [[{ ...good, kind: "launch" }], "events[0].kind: expected one of scorm-call, scorm-commit, scorm-flag, note"],
    [Array.from({ length: 10_000 }, () => good), "events: at most 1000 a request"],
  ])("%# is refused with 400", async (events, message) => {
    const before = preview.log.all({ sessionId }).length;
    const answer = await postJsonFrom(preview.packageOrigin, "/api/scorm/events", JSON.stringify({ sessionId, events }));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ message });
    expect(preview.log.all({ sessionId })).toHaveLength(before);
  });
});
