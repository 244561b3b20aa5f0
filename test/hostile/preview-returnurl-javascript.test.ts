// Hostile input: a cmi5 launch whose returnURL is javascript: (or data:, file:) — the AU navigates its
// window there on exit, so it would run script. Refused at launch with 400; http(s) URLs and paths
// are still taken.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PreviewServer } from "../../authoring/preview/server";
import { postJsonFrom, previewOfBlank } from "./preview-helpers";

let preview: PreviewServer;
beforeAll(async () => {
  preview = await previewOfBlank("cmi5");
});
afterAll(async () => {
  await preview.close();
});

const launch = (returnURL: string) => postJsonFrom(preview.origin, "/api/launch", JSON.stringify({ target: "cmi5", cmi5: { returnURL } }));

describe("a cmi5 returnURL that is not http(s)", () => {
  it.each([
    ["javascript:alert(document.domain)", "javascript:"],
    ["JavaScript:alert(1)", "javascript:"],
    [" javascript:alert(1)", "javascript:"],
    ["data:text/html,<script>alert(1)</script>", "data:"],
    ["file:///etc/passwd", "file:"],
  ])("%s is refused at launch", async (returnURL, scheme) => {
    const answer = await launch(returnURL);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ message: `cmi5.returnURL: expected an http(s) URL or a path, not a ${scheme} URL` });
  });

  it("an http(s) URL or a path is taken", async () => {
    for (const ok of ["/lms/return", "https://lms.example.test/return?course=1"]) expect((await launch(ok)).status, ok).toBe(200);
  });
});
