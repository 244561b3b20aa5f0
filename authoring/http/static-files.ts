// One file from a folder on disk, for GET and HEAD: read-only, no directory listing ("…/" is its
// index.html), nothing outside the folder (".." and absolute paths, encoded or not, are refused),
// byte ranges for media players that seek (byte-range.ts), streamed rather than read whole.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { resolve, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import { byteRange } from "./byte-range";
import { mediaTypeOf } from "./media-types";
import { sendError } from "./respond";

export interface StaticFileOptions {
  /** On every answer, refusals included: a CSP, a cache policy, a protocol version… */
  headers?: Record<string, string>;
}

/**
 * Answers `request` with the file at `encodedPath` (as it stands in the URL, percent-encoded, no
 * leading "/") under `root`: 200, 206 or 416 for a range, 400/403/404 as `{ message }`, 405 for a
 * method other than GET or HEAD.
 */
export async function serveFile(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  encodedPath: string,
  options: StaticFileOptions = {},
): Promise<void> {
  const headers = { "Cache-Control": "no-store", ...options.headers };
  const refuse = (status: number, message: string, extra: Record<string, string> = {}) => sendError(response, status, message, { ...headers, ...extra });
  const method = request.method ?? "GET";
  if (method !== "GET" && method !== "HEAD") return refuse(405, `files are read-only: ${method} is not allowed`, { Allow: "GET, HEAD" });
  const file = fileUnder(root, encodedPath);
  if (!file.ok) return refuse(file.status, file.message);
  const info = await stat(file.path).catch(() => null);
  if (!info?.isFile()) return refuse(404, "not found");
  const fileHeaders = { ...headers, "Content-Type": mediaTypeOf(file.path), "Accept-Ranges": "bytes" };
  const range = byteRange(request.headers.range, info.size);
  if (range.kind === "unsatisfiable") {
    response.writeHead(416, { ...fileHeaders, "Content-Range": `bytes */${info.size}` }).end();
    return;
  }
  const [status, start, end] = range.kind === "part" ? [206, range.start, range.end] : [200, 0, info.size - 1];
  const partHeaders = range.kind === "part" ? { "Content-Range": `bytes ${start}-${end}/${info.size}` } : {};
  response.writeHead(status, { ...fileHeaders, ...partHeaders, "Content-Length": String(end - start + 1) });
  if (method === "HEAD" || info.size === 0) return void response.end();
  // A player that seeks drops the connection mid-file: pipeline then closes the file too.
  await pipeline(createReadStream(file.path, { start, end }), response).catch(() => response.destroy());
}

type Located = { ok: true; path: string } | { ok: false; status: 400 | 403; message: string };

/** The file `encodedPath` names under `root`, or why it may not be served. */
export function fileUnder(root: string, encodedPath: string): Located {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { ok: false, status: 400, message: "the path is not valid percent-encoding" };
  }
  if (decoded.includes("\0")) return { ok: false, status: 400, message: "the path contains a NUL character" };
  const base = resolve(root);
  const path = resolve(base, decoded === "" || decoded.endsWith("/") ? `${decoded}index.html` : decoded);
  if (!path.startsWith(base + sep)) return { ok: false, status: 403, message: "outside the served folder" };
  return { ok: true, path };
}
