// The preview as authors run it: the BUNDLED CLI (dist/cli, built by build.mjs), not the TypeScript
// sources. Guards what bundling can break (CommonJS interop of dependencies such as the xAPI
// validator): a cmi5 launch, the fetch, LaunchData and a valid statement stored with 204.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Context } from "@xapi/xapi";
import type { LaunchAnswer } from "../../authoring/preview/protocol";
import { buildInitialized } from "../../runtime/lms/cmi5/statements";
import { blankCmi5Zip } from "./fixture-packages";
import { postJson, tempDir } from "./helpers";

const BIN = join(import.meta.dirname, "..", "..", "bin", "passmark.mjs");
let child: ChildProcess;
let origin: string;

beforeAll(async () => {
  const dir = tempDir();
  const zip = await blankCmi5Zip(dir);
  child = spawn(process.execPath, [BIN, "preview", zip, "--port", "0"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  origin = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString("utf8");
      const match = /Open (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.on("exit", (code) => reject(new Error(`preview exited with ${code}:\n${output}`)));
  });
});
afterAll(() => {
  child?.kill("SIGINT");
});

describe("passmark preview from the bundled CLI", () => {
  it("serves a cmi5 launch and stores a valid statement (the xAPI validator works in the bundle)", async () => {
    const answer = (await postJson<LaunchAnswer>(origin, "/api/launch", { target: "cmi5", learner: "current" })).json;
    const url = new URL(answer.frameUrl);
    const packageOrigin = url.origin; // the course's own origin, not the launch page's
    const token = ((await (await fetch(url.searchParams.get("fetch")!, { method: "POST" })).json()) as Record<string, string>)["auth-token"]!;
    const headers = { Authorization: `Basic ${token}`, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" };
    const actor = url.searchParams.get("actor")!;
    const activityId = url.searchParams.get("activityId")!;
    const query = new URLSearchParams({ stateId: "LMS.LaunchData", activityId, agent: actor, registration: answer.registration! });
    const launchData = (await (await fetch(`${packageOrigin}/xapi/activities/state?${query}`, { headers })).json()) as { contextTemplate: Context };
    const statement = buildInitialized({
      actor: JSON.parse(actor),
      activityId,
      registration: answer.registration!,
      contextTemplate: launchData.contextTemplate,
      id: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
    });
    const put = await fetch(`${packageOrigin}/xapi/statements?statementId=${statement.id}`, { method: "PUT", headers, body: JSON.stringify(statement) });
    expect(put.status, await put.text()).toBe(204);
    const malformed = await fetch(`${packageOrigin}/xapi/statements`, {
      method: "POST",
      headers,
      body: JSON.stringify([{ ...statement, id: crypto.randomUUID(), verb: { id: "not an iri" } }]),
    });
    expect(malformed.status).toBe(400);
  });
});
