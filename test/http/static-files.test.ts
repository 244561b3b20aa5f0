// authoring/http/static-files.ts + media-types.ts: the one static-file server behind the preview's
// package origin, the local LRS's /content/, the bench front server and the browser tests' server.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, type Listening } from "../../authoring/http/listen";
import { mediaTypeOf } from "../../authoring/http/media-types";
import { routeTable } from "../../authoring/http/route-table";
import { serveFile } from "../../authoring/http/static-files";

const CSP = "default-src 'self'";
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
let dir: string;
let site: Listening;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request with the path exactly as given (fetch would normalise "..", this does not). */
function raw(path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const url = new URL(site.url);
    const outgoing = httpRequest({ host: url.hostname, port: url.port, path, method: options.method ?? "GET", headers: options.headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "passmark-static-"));
  const root = join(dir, "site");
  await mkdir(join(root, "media"), { recursive: true });
  await writeFile(join(root, "index.html"), "<!doctype html><title>home</title>");
  await writeFile(join(root, "media", "clip.mp4"), BYTES);
  await writeFile(join(root, "media", "empty.vtt"), "");
  await writeFile(join(dir, "secret.json"), '{"secret":true}');
  const headers = { "Content-Security-Policy": CSP };
  // "/files/../x" reaches the table as "/x" (URL parsing resolves dot segments): the table's 404, with the same headers.
  site = await listen(
    routeTable(
      [{ method: "GET", path: "/files/*", handler: ({ request, response, params }) => serveFile(request, response, root, params["*"]!, { headers }) }],
      { headers },
    ),
  );
});
afterAll(async () => {
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

describe("whole files", () => {
  it("serves a file with its type, length, ranges accepted, no caching and the CSP", async () => {
    const answer = await raw("/files/media/clip.mp4");
    expect(answer.status).toBe(200);
    expect(answer.body.equals(BYTES)).toBe(true);
    expect(answer.headers).toMatchObject({
      "content-type": "video/mp4",
      "content-length": "1000",
      "accept-ranges": "bytes",
      "cache-control": "no-store",
      "content-security-policy": CSP,
    });
  });

  it("serves index.html for a folder, and HEAD without a body", async () => {
    expect((await raw("/files/")).body.toString()).toContain("<title>home</title>");
    const head = await raw("/files/index.html", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(head.headers["content-length"]).toBe("34");
    expect(head.body.length).toBe(0);
  });

  it("serves an empty file", async () => {
    const answer = await raw("/files/media/empty.vtt");
    expect([answer.status, answer.headers["content-length"], answer.headers["content-type"]]).toEqual([200, "0", "text/vtt; charset=utf-8"]);
  });
});

describe("byte ranges", () => {
  it("answers a range, an open range and a suffix range with 206 and the bytes asked for", async () => {
    for (const [header, start, end] of [
      ["bytes=0-99", 0, 99],
      ["bytes=990-", 990, 999],
      ["bytes=-10", 990, 999],
      ["bytes=500-5000", 500, 999],
    ] as const) {
      const answer = await raw("/files/media/clip.mp4", { headers: { Range: header } });
      expect(answer.status, header).toBe(206);
      expect(answer.headers["content-range"]).toBe(`bytes ${start}-${end}/1000`);
      expect(answer.headers["content-length"]).toBe(String(end - start + 1));
      expect(answer.body.equals(BYTES.subarray(start, end + 1))).toBe(true);
    }
  });

  it("answers 416 with the size for a range past the end or an empty suffix", async () => {
    for (const header of ["bytes=1000-", "bytes=99999999-", "bytes=-0"]) {
      const answer = await raw("/files/media/clip.mp4", { headers: { Range: header } });
      expect(answer.status, header).toBe(416);
      expect(answer.headers["content-range"]).toBe("bytes */1000");
      expect(answer.body.length).toBe(0);
    }
  });

  it("HEAD with a range: 206 headers, no body", async () => {
    const answer = await raw("/files/media/clip.mp4", { method: "HEAD", headers: { Range: "bytes=10-19" } });
    expect([answer.status, answer.headers["content-range"], answer.headers["content-length"], answer.body.length]).toEqual([206, "bytes 10-19/1000", "10", 0]);
  });
});

describe("refusals", () => {
  it.each([
    ["/files/../secret.json", [403, 404]],
    ["/files/..%2fsecret.json", [403]],
    ["/files/%2e%2e%2fsecret.json", [403]],
    ["/files/media/..%2f..%2fsecret.json", [403]],
    ["/files//etc/passwd", [403]],
    ["/files/%2fetc%2fpasswd", [403]],
    ["/files/%00", [400]],
    ["/files/%E0%A4%A", [400]],
    ["/files/media/", [404]],
    ["/files/nope.js", [404]],
  ])("%s", async (path, statuses) => {
    const answer = await raw(path);
    expect(statuses).toContain(answer.status);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.headers["content-security-policy"]).toBe(CSP);
    expect(JSON.parse(answer.body.toString())).toHaveProperty("message");
    expect(answer.body.toString()).not.toContain('"secret":true');
  });

  it("is read-only: 405 with Allow", async () => {
    const answer = await raw("/files/index.html", { method: "PUT" });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD");
  });
});

describe("media types", () => {
  it.each([
    ["runtime/passmark.js", "text/javascript; charset=utf-8"],
    ["course/course.json", "application/json; charset=utf-8"],
    ["imsmanifest.xml", "application/xml"],
    ["INDEX.HTML", "text/html; charset=utf-8"],
    ["a.wav", "audio/wav"],
    ["a.m4v", "video/mp4"],
    ["a.mov", "video/quicktime"],
    ["a.opus", "audio/ogg"],
    ["a.woff2", "font/woff2"],
    ["a.unknown", "application/octet-stream"],
    ["no-extension", "application/octet-stream"],
  ])("%s → %s", (path, type) => {
    expect(mediaTypeOf(path)).toBe(type);
  });
});
