// Which entries are stored rather than deflated: formats that are already compressed gain
// nothing from deflate and cost build time (issue 2: mp4, jpg, png, mp3 are stored).
const STORED_EXTENSIONS = new Set([
  "mp4",
  "m4v",
  "webm",
  "mov",
  "ogv",
  "mp3",
  "m4a",
  "aac",
  "ogg",
  "oga",
  "opus",
  "jpg",
  "jpeg",
  "png",
  "gif",
  "webp",
  "avif",
  "woff",
  "woff2",
  "zip",
  "gz",
]);

export function isStored(zipPath: string): boolean {
  const name = zipPath.slice(zipPath.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 && STORED_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}
