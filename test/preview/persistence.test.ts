// The preview LMS keeps its data in the working folder: stopping and starting it again (same
// course, same folder) keeps the learner, the registration, the statements and the SCORM data.
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Context } from "@xapi/xapi";
import { buildInitialized } from "../../runtime/lms/cmi5/statements";
import type { LaunchAnswer, ScormSessionConfig } from "../../authoring/preview/protocol";
import { postJson, previewOfStarter, tempDir } from "./helpers";

describe("preview persistence", () => {
  it("resumes after a restart: same learner and registration, statements kept, SCORM data kept", async () => {
    const workDir = tempDir();
    const first = await previewOfStarter(workDir);
    const cmi5 = (await postJson<LaunchAnswer>(first.origin, "/api/launch", { target: "cmi5", learner: "current" })).json;
    const url = new URL(cmi5.frameUrl);
    const token = ((await (await fetch(url.searchParams.get("fetch")!, { method: "POST" })).json()) as Record<string, string>)["auth-token"]!;
    const session = first.lms.session(cmi5.sessionId)!;
    const initialized = buildInitialized({
      id: crypto.randomUUID(),
      timestamp: new Date().toISOString(),
      actor: JSON.parse(url.searchParams.get("actor")!),
      activityId: url.searchParams.get("activityId")!,
      registration: cmi5.registration!,
      contextTemplate: session.info.contextTemplate as Context,
    });
    const headers = { Authorization: `Basic ${token}`, "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" };
    expect((await fetch(`${first.packageOrigin}/xapi/statements`, { method: "POST", headers, body: JSON.stringify([initialized]) })).status).toBe(200);
    const scorm = (await postJson<LaunchAnswer>(first.origin, "/api/launch", { target: "scorm12", learner: "current" })).json;
    await postJson(first.packageOrigin, "/api/scorm/commit", {
      sessionId: scorm.sessionId,
      seq: 1,
      terminate: true,
      data: { cmi: { core: { lesson_status: "failed", exit: "suspend" }, suspend_data: "kept" } },
    });
    await first.close();
    for (const file of ["preview-lrs.json", "preview-scorm.json", "preview-learners.json"]) expect(existsSync(join(workDir, file)), file).toBe(true);

    const second = await previewOfStarter(workDir);
    try {
      expect(second.learners.current().id).toBe(cmi5.learnerId);
      const relaunch = (await postJson<LaunchAnswer>(second.origin, "/api/launch", { target: "cmi5", learner: "current" })).json;
      expect(relaunch.registration).toBe(cmi5.registration);
      expect(second.lms.statements({ registration: cmi5.registration! }).map((s) => s.id)).toEqual([initialized.id]);
      expect(second.view("cmi5")).toMatchObject({ registration: cmi5.registration, facts: { Statements: "1" } });
      const again = (await postJson<LaunchAnswer>(second.origin, "/api/launch", { target: "scorm12", learner: "current" })).json;
      const config = (await (await fetch(`${second.packageOrigin}/api/scorm/session/${again.sessionId}`)).json()) as ScormSessionConfig;
      expect(config.seed).toMatchObject({ core: { entry: "resume", lesson_status: "failed" }, suspend_data: "kept" });
    } finally {
      await second.close();
    }
  });

  it("keeps a course folder's data under <course>/.passmark and a zip's beside the zip", async () => {
    const { prepareCourse } = await import("../../authoring/preview/prepare");
    const { cpSync } = await import("node:fs");
    const dir = tempDir();
    cpSync(join(import.meta.dirname, "..", "..", "templates", "starter"), join(dir, "course"), { recursive: true });
    const folder = await prepareCourse(join(dir, "course"));
    expect(folder.workDir).toBe(join(dir, "course", ".passmark"));
    expect([...folder.packages.keys()]).toEqual(["cmi5", "scorm12", "scorm2004-3", "scorm2004-4", "xapi"]);
    const zip = join(dir, "course", ".passmark", "preview-build", "fire-safety-basics-scorm2004-3.zip");
    const fromZip = await prepareCourse(zip);
    expect(fromZip.workDir).toBe(join(dir, "course", ".passmark", "preview-build", ".passmark", "fire-safety-basics-scorm2004-3"));
    expect([...fromZip.packages.keys()]).toEqual(["scorm2004-3"]);
    expect(fromZip.packages.get("scorm2004-3")).toMatchObject({ launchPath: "index.html", masteryScore: 80 });
    await expect(prepareCourse(join(dir, "missing"))).rejects.toThrow(/no such course folder or zip/);
  });
});
