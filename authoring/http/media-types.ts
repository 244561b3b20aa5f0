// File extension → Content-Type for everything passmark serves from disk: the package's own files
// (runtime, course data, manifests) and every media type the course builder accepts
// (authoring/course/build-pages.ts). Text types name their charset. Unknown → application/octet-stream.
import { extname } from "node:path";

const UTF8 = "; charset=utf-8";

const TYPES: Readonly<Record<string, string>> = {
  ".html": `text/html${UTF8}`,
  ".js": `text/javascript${UTF8}`,
  ".mjs": `text/javascript${UTF8}`,
  ".css": `text/css${UTF8}`,
  ".json": `application/json${UTF8}`,
  ".txt": `text/plain${UTF8}`,
  ".vtt": `text/vtt${UTF8}`,
  ".xml": "application/xml",
  ".xsd": "application/xml",
  ".dtd": "application/xml-dtd",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".mp4": "video/mp4",
  ".m4v": "video/mp4",
  ".webm": "video/webm",
  ".ogv": "video/ogg",
  ".mov": "video/quicktime",
  ".mp3": "audio/mpeg",
  ".m4a": "audio/mp4",
  ".aac": "audio/aac",
  ".ogg": "audio/ogg",
  ".oga": "audio/ogg",
  ".opus": "audio/ogg",
  ".wav": "audio/wav",
  ".flac": "audio/flac",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".otf": "font/otf",
  ".pdf": "application/pdf",
};

export const DEFAULT_MEDIA_TYPE = "application/octet-stream";

export function mediaTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? DEFAULT_MEDIA_TYPE;
}
