// Serves an unpacked package folder under /content/ (preview, end-to-end tests). Read-only, no
// directory listing, and nothing outside the folder (".." and absolute paths are refused).
import { readFileSync, statSync } from "node:fs";
import { extname, resolve, sep } from "node:path";
import type { Answer } from "./statements-resource";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
  ".vtt": "text/vtt",
  ".woff2": "font/woff2",
};

export function serveContent(root: string, relative: string): Answer {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return { status: 400, body: { message: "bad path" } };
  }
  const file = resolve(base, decoded === "" ? "index.html" : decoded);
  if (file !== base && !file.startsWith(base + sep)) return { status: 403, body: { message: "outside the content folder" } };
  try {
    if (!statSync(file).isFile()) return { status: 404, body: { message: "not found" } };
    return { status: 200, body: readFileSync(file), contentType: TYPES[extname(file).toLowerCase()] ?? "application/octet-stream" };
  } catch {
    return { status: 404, body: { message: "not found" } };
  }
}
