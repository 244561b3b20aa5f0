// Hostile input: DNS rebinding against the preview's LRS — requests to its port whose Host is another
// name (evil.example:<port>), as a page on a rebound name would send. Refused with 403 on the LRS's
// own port, like the preview's two origins; its loopback names are still answered.
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

describe("a rebound Host on the LRS's port", () => {
  it("is refused with 403; 127.0.0.1 and localhost are answered", async () => {
    const port = new URL(preview.lms.origin).port;
    const headers = (host: string) => ({ host, Authorization: preview.lms.adminAuth, "X-Experience-API-Version": "1.0.3" });
    for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1:${Number(port) + 1}`]) {
      const answer = await send(preview.lms.origin, "/xapi/statements", { headers: headers(host) });
      expect(answer.status, host).toBe(403);
      expect(answer.body).not.toContain('"statements"');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`])
      expect((await send(preview.lms.origin, "/xapi/statements", { headers: headers(host) })).status, host).toBe(200);
  });
});
