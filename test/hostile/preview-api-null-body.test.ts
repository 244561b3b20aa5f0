// Hostile input: JSON bodies of the wrong shape to the SCORM host's API — `null`, a commit without
// data, a commit whose data is a string, a seq that is not a number. Each is a 400 naming what is
// wrong (not a 500), and nothing is stored.
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

describe("a commit or event batch of the wrong shape", () => {
  it.each([
    ["/api/scorm/commit", "null", "a commit is a JSON object { sessionId, seq, terminate, data }"],
    ["/api/scorm/commit", "[]", "a commit is a JSON object { sessionId, seq, terminate, data }"],
    ["/api/scorm/commit", '{"seq":1,"terminate":false,"data":{}}', "sessionId: expected the session's id (a string)"],
    ["/api/scorm/commit", '{"sessionId":"S","seq":"1","terminate":false,"data":{}}', "seq: expected a whole number ≥ 1"],
    ["/api/scorm/commit", '{"sessionId":"S","seq":1,"data":{}}', "terminate: expected true or false"],
    ["/api/scorm/commit", '{"sessionId":"S","seq":1,"terminate":false}', "data: expected the data model as a JSON object ({ cmi: {…} })"],
    ["/api/scorm/commit", '{"sessionId":"S","seq":1,"terminate":false,"data":"x"}', "data: expected the data model as a JSON object ({ cmi: {…} })"],
    ["/api/scorm/commit", '{"sessionId":"S","seq":1,"terminate":false,"data":{},"scoWrote":[1]}', "scoWrote: expected an object of strings"],
    ["/api/scorm/events", "null", "expected a JSON object { sessionId, events: [...] }"],
    ["/api/scorm/events", '{"sessionId":"S"}', "events: expected an array"],
    ["/api/launch", "null", "the launch request must be a JSON object"],
    ["/api/scorm/commit", "{not json", "the body is not JSON"],
  ])("POST %s %s → 400", async (path, body, message) => {
    const origin = path === "/api/launch" ? preview.origin : preview.packageOrigin;
    const answer = await postJsonFrom(origin, path, body.replace('"S"', JSON.stringify(sessionId)));
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ message });
    expect(preview.scorm.session(sessionId)!.commits).toBe(0);
  });
});
