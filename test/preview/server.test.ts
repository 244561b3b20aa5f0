// passmark preview server: paths confined to the package, loopback only, its pages' CSP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { networkInterfaces } from "node:os";
import { connect } from "node:net";
import type { PreviewServer } from "../../authoring/preview/server";
import { previewOfStarter, raw } from "./helpers";

let preview: PreviewServer;
beforeAll(async () => {
  preview = await previewOfStarter();
});
afterAll(async () => {
  await preview.close();
});

describe("paths are confined to the package", () => {
  it("serves package files of each target", async () => {
    for (const [target, manifest] of [
      ["cmi5", "cmi5.xml"],
      ["scorm12", "imsmanifest.xml"],
      ["scorm2004-3", "imsmanifest.xml"],
      ["scorm2004-4", "imsmanifest.xml"],
    ] as const) {
      const answer = await raw(preview.packageOrigin, `/pkg/${target}/${manifest}`);
      expect(answer.status, target).toBe(200);
      expect(answer.headers["content-type"]).toMatch(/xml/);
      expect((await raw(preview.packageOrigin, `/pkg/${target}/index.html`)).body).toContain(
        `src="runtime/passmark.${target === "cmi5" ? "cmi5" : target === "scorm12" ? "scorm12" : "scorm2004"}.js"`,
      );
    }
  });

  it.each([
    "/pkg/cmi5/../../preview-lrs.json",
    "/pkg/cmi5/..%2f..%2fpreview-lrs.json",
    "/pkg/cmi5/%2e%2e%2f%2e%2e%2fpreview-lrs.json",
    "/pkg/cmi5/..%5c..%5cpreview-lrs.json",
    "/pkg/cmi5/%2fetc%2fpasswd",
    "/pkg/cmi5//etc/passwd",
    "/pkg/scorm12/..%2fcmi5%2fcmi5.xml",
    "/pkg/..%2fpreview-lrs.json",
    "/pkg/cmi5/%00",
  ])("refuses %s", async (path) => {
    const answer = await raw(preview.packageOrigin, path);
    expect([400, 403, 404]).toContain(answer.status);
    expect(answer.body).not.toMatch(/"statements"|root:|courseStructure/);
  });

  it("serves byte ranges and media types, for players that seek", async () => {
    const full = await raw(preview.packageOrigin, "/pkg/cmi5/assets/smoke-alarm.wav");
    expect(full.status).toBe(200);
    expect(full.headers["content-type"]).toBe("audio/wav");
    expect(full.headers["accept-ranges"]).toBe("bytes");
    const part = await raw(preview.packageOrigin, "/pkg/cmi5/assets/smoke-alarm.wav", { headers: { Range: "bytes=0-99" } });
    expect(part.status).toBe(206);
    expect(part.headers["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
    expect(part.body.startsWith("RIFF")).toBe(true);
    expect((await raw(preview.packageOrigin, "/pkg/cmi5/assets/smoke-alarm.wav", { headers: { Range: "bytes=99999999-" } })).status).toBe(416);
  });

  it("never writes into a package and lists no folder", async () => {
    expect((await raw(preview.packageOrigin, "/pkg/cmi5/index.html", { method: "PUT", body: "x" })).status).toBe(405);
    expect((await raw(preview.packageOrigin, "/pkg/cmi5/runtime/")).status).toBe(404);
    expect((await raw(preview.packageOrigin, "/pkg/nope/index.html")).status).toBe(404);
  });
});

describe("loopback only", () => {
  it("listens on 127.0.0.1, never on another interface", async () => {
    expect(new URL(preview.origin).hostname).toBe("127.0.0.1");
    expect(new URL(preview.packageOrigin).hostname).toBe("127.0.0.1");
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === "IPv4")
      .map((i) => i!.address);
    for (const [address, port] of others.flatMap(
      (a) =>
        [
          [a, preview.port],
          [a, preview.packagePort],
        ] as const,
    )) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port });
        socket.once("connect", () => {
          socket.destroy();
          resolve(false);
        });
        socket.once("error", () => resolve(true));
      });
      expect(refused, address).toBe(true);
    }
  });

  it("answers only requests addressed to its loopback name (no DNS rebinding)", async () => {
    expect((await raw(preview.origin, "/api/info", { host: `evil.example:${preview.port}` })).status).toBe(403);
    expect((await raw(preview.packageOrigin, "/xapi/about", { host: "evil.example" })).status).toBe(403);
    expect((await raw(preview.packageOrigin, "/pkg/cmi5/index.html", { host: `evil.example:${preview.packagePort}` })).status).toBe(403);
    expect((await raw(preview.lms.origin, "/xapi/about", { host: `evil.example:${new URL(preview.lms.origin).port}` })).status).toBe(403);
    expect((await raw(preview.origin, "/api/info", { host: `localhost:${preview.port}` })).status).toBe(200);
    expect((await raw(preview.origin, "/api/info")).status).toBe(200);
  });
});

describe("preview pages", () => {
  it("are served with a CSP that allows no inline script, and contain none", async () => {
    for (const [origin, path] of [
      [preview.origin, "/"],
      [preview.packageOrigin, "/host/scorm.html"],
    ] as const) {
      const answer = await raw(origin, path);
      expect(answer.status).toBe(200);
      expect(String(answer.headers["content-security-policy"])).toContain("script-src 'self'");
      expect(String(answer.headers["content-security-policy"])).not.toContain("unsafe-inline");
      for (const script of answer.body.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) ?? []) expect(script).toMatch(/<script [^>]*src="[^"]+"[^>]*><\/script>/);
    }
  });

  it("serves its scripts and scorm-again's classic builds", async () => {
    for (const path of ["/preview/launch.js", "/preview/preview.css"]) expect((await raw(preview.origin, path)).status, path).toBe(200);
    for (const path of ["/preview/scorm-host.js", "/preview/preview.css"]) expect((await raw(preview.packageOrigin, path)).status, path).toBe(200);
    expect((await raw(preview.packageOrigin, "/vendor/scorm12.js")).body).toContain("Scorm12API");
    expect((await raw(preview.packageOrigin, "/vendor/scorm2004.js")).body).toContain("Scorm2004API");
  });

  it("describes the course for the launch page", async () => {
    const info = JSON.parse((await raw(preview.origin, "/api/info")).body) as Record<string, unknown>;
    expect(info).toMatchObject({
      title: "Fire safety basics",
      targets: ["cmi5", "scorm12", "scorm2004-3", "scorm2004-4", "xapi"],
      masteryScore: 80,
      moveOn: "Passed",
      learnerId: "learner-1",
    });
  });

  it("offers the log as a JSON download", async () => {
    const answer = await raw(preview.origin, "/api/log.json");
    expect(answer.headers["content-disposition"]).toMatch(/attachment; filename="passmark-preview-log.json"/);
    expect(JSON.parse(answer.body)).toHaveProperty("events");
  });
});
