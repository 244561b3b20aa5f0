// `passmark preview` on the command line: arguments, the printed address, bad input, --lms.
import { describe, expect, it } from "vitest";
import { startPreviewFromArgs } from "../../authoring/preview/command";
import { FileProblemError, UsageError, type CliIo } from "../../authoring/cli/io";
import type { PreviewInfo } from "../../authoring/preview/protocol";
import { STARTER, postJson, tempDir } from "./helpers";

function io(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (t) => void lines.push(t), err: (t) => void lines.push(t), cwd: tempDir() };
}

describe("passmark preview arguments", () => {
  it("refuses a bad port, a missing course and extra arguments", async () => {
    await expect(startPreviewFromArgs([STARTER, "--port", "http"], io())).rejects.toThrow(UsageError);
    await expect(startPreviewFromArgs([STARTER, "--port", "70000"], io())).rejects.toThrow(/--port/);
    await expect(startPreviewFromArgs([], io())).rejects.toThrow(/missing <course>/);
    await expect(startPreviewFromArgs([STARTER, "other"], io())).rejects.toThrow(/unexpected argument/);
    await expect(startPreviewFromArgs(["no-such-course"], io())).rejects.toThrow(FileProblemError);
    await expect(startPreviewFromArgs([STARTER, "--host", "0.0.0.0"], io())).rejects.toThrow(UsageError);
    await expect(startPreviewFromArgs([STARTER, "--lms", "blackboard"], io())).rejects.toThrow(
      /--lms: expected one of strict, moodle, ilias, got "blackboard"/,
    );
  });

  it("starts on the port asked for, on 127.0.0.1", async () => {
    const cli = io();
    const zipDir = tempDir();
    const { blankScorm12Zip } = await import("./fixture-packages");
    const preview = await startPreviewFromArgs([await blankScorm12Zip(zipDir), "--port", "0"], cli);
    try {
      expect(preview.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(cli.lines[0]).toMatch(/^Preparing /);
      expect((await fetch(`${preview.origin}/api/info`)).status).toBe(200);
    } finally {
      await preview.close();
    }
  });

  it("--lms picks the LMS behaviour of launches that name none; a launch may name another, or be refused with 400", async () => {
    const { blankScorm12Zip } = await import("./fixture-packages");
    const preview = await startPreviewFromArgs([await blankScorm12Zip(tempDir()), "--port", "0", "--lms", "ilias"], io());
    try {
      expect(preview.defaultLms).toBe("ilias");
      const info = (await (await fetch(`${preview.origin}/api/info`)).json()) as PreviewInfo;
      expect(info.lms).toBe("ilias");
      expect(info.profiles.map((p) => [p.id, p.targets])).toEqual([
        ["strict", ["cmi5", "scorm12", "scorm2004-3", "scorm2004-4", "xapi"]],
        ["moodle", ["scorm12", "scorm2004-3", "scorm2004-4"]],
        ["ilias", ["scorm12"]],
      ]);
      expect((await postJson(preview.origin, "/api/launch", { target: "scorm12" })).status).toBe(200);
      expect(preview.lmsRecord("scorm12")).toMatchObject({ profile: "ilias", attempt: 1, grade: null, learningProgress: "not attempted" });
      expect((await postJson(preview.origin, "/api/launch", { target: "scorm12", lms: "moodle" })).status).toBe(200);
      expect(preview.lmsRecord("scorm12").profile).toBe("moodle");
      const refused = await postJson<{ message: string }>(preview.origin, "/api/launch", { target: "scorm12", lms: "sakai" });
      expect(refused).toEqual({ status: 400, json: { message: "lms: expected one of strict, moodle, ilias" } });
    } finally {
      await preview.close();
    }
  });

  it("with --lms moodle a cmi5 launch that names no behaviour runs as strict, and the log says so", async () => {
    const { blankCmi5Zip } = await import("./fixture-packages");
    const preview = await startPreviewFromArgs([await blankCmi5Zip(tempDir()), "--port", "0", "--lms", "moodle"], io());
    try {
      const launched = await postJson<{ sessionId: string }>(preview.origin, "/api/launch", { target: "cmi5" });
      expect(launched.status).toBe(200);
      expect(preview.log.all({ sessionId: launched.json.sessionId }).map((e) => e.summary)).toContain(
        "moodle covers SCORM 1.2, SCORM 2004 3rd edition, SCORM 2004 4th edition: this cmi5 launch behaves as strict",
      );
      expect(preview.view("cmi5").profile).toBe("strict");
      expect((await postJson(preview.origin, "/api/launch", { target: "cmi5", lms: "moodle" })).status).toBe(400);
    } finally {
      await preview.close();
    }
  });
});
