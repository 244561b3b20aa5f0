// Package files for the course frame: confinement by authoring/lrs's serveContent (no "..", no
// absolute paths, no listing), plus what media players need: byte ranges (seeking) and the media
// types serveContent does not know.
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname } from "node:path";
import { serveContent } from "../lrs/static-content";

const EXTRA_TYPES: Record<string, string> = {
  ".wav": "audio/wav",
  ".ogg": "audio/ogg",
  ".oga": "audio/ogg",
  ".ogv": "video/ogg",
  ".m4a": "audio/mp4",
  ".xsd": "application/xml",
  ".dtd": "application/xml-dtd",
  ".txt": "text/plain; charset=utf-8",
};

export function servePackageFile(root: string, relative: string, request: IncomingMessage, response: ServerResponse): void {
  const answer = serveContent(root, relative);
  if (!Buffer.isBuffer(answer.body)) {
    response.writeHead(answer.status, { "Content-Type": "application/json; charset=utf-8" }).end(JSON.stringify(answer.body));
    return;
  }
  const body = answer.body;
  const headers: Record<string, string> = {
    "Content-Type": EXTRA_TYPES[extname(relative).toLowerCase()] ?? answer.contentType ?? "application/octet-stream",
    "Cache-Control": "no-store",
    "Accept-Ranges": "bytes",
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? "");
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, body.length - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    if (start > end || start >= body.length) {
      response.writeHead(416, { ...headers, "Content-Range": `bytes */${body.length}` }).end();
      return;
    }
    response.writeHead(206, { ...headers, "Content-Range": `bytes ${start}-${end}/${body.length}` });
    response.end(request.method === "HEAD" ? undefined : body.subarray(start, end + 1));
    return;
  }
  response.writeHead(200, headers).end(request.method === "HEAD" ? undefined : body);
}
