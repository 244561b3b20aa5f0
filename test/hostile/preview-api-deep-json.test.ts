// Hostile input: JSON nested 200,000 levels deep (an array and an object) in every JSON body the
// preview takes — launch, SCORM commit, SCORM events, xAPI statements. JSON.parse copes; whatever
// walks the result afterwards (the data-model flattening, the log's JSON.stringify, the statement
// validator) overflows the stack. Refused with 400 before parsing; the log still downloads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewServer } from "../../authoring/preview/server";
import { postJsonFrom, previewOfBlank, send } from "./preview-helpers";

const DEPTH = 200_000;
const deepArray = "[".repeat(DEPTH) + "]".repeat(DEPTH);
const deepObject = `{"":`.repeat(DEPTH) + "1" + "}".repeat(DEPTH);

let preview: PreviewServer;
let sessionId: string;
beforeAll(async () => {
  preview = await previewOfBlank("scorm12");
  sessionId = preview.launch({ target: "scorm12", learner: "current" }).sessionId;
});
afterAll(async () => {
  await preview.close();
});

describe("200,000-deep JSON", () => {
  it.each([
    ["launch", () => [preview.origin, "/api/launch", deepObject]],
    ["commit data", () => [preview.packageOrigin, "/api/scorm/commit", `{"sessionId":"${sessionId}","seq":1,"terminate":false,"data":${deepObject}}`]],
    [
      "event detail",
      () => [
        preview.packageOrigin,
        "/api/scorm/events",
        `{"sessionId":"${sessionId}","events":[{"level":"info","kind":"note","summary":"x","detail":${deepArray}}]}`,
      ],
    ],
  ] as const)("in a %s body is refused with 400", async (_name, request) => {
    const [origin, path, body] = request();
    const answer = await postJsonFrom(origin, path, body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ message: "the JSON body nests deeper than 64 levels" });
  });

  it("in an xAPI statement body is refused with 400 by the LRS", async () => {
    const answer = await send(preview.packageOrigin, "/xapi/statements", {
      method: "POST",
      headers: { Authorization: preview.lms.adminAuth, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
      body: deepObject,
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ message: "the JSON body nests deeper than 64 levels" });
  });

  it("leaves the log whole", async () => {
    const log = await send(preview.origin, "/api/log.json");
    expect(log.status, log.body.slice(0, 300)).toBe(200);
    expect(preview.scorm.session(sessionId)!.commits).toBe(0);
  });
});
