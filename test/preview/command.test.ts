// `passmark preview` on the command line: arguments, the printed address, bad input.
import { describe, expect, it } from "vitest";
import { startPreviewFromArgs } from "../../authoring/preview/command";
import { FileProblemError, UsageError, type CliIo } from "../../authoring/cli/io";
import { STARTER, tempDir } from "./helpers";

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
});
