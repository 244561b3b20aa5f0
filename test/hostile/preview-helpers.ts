// Shared by the test/hostile/preview-*.test.ts probes: the `passmark preview` CLI run in-process,
// hostile zips (yazl, or a zip bomb written by hand so 512 MiB never sits in memory), the files a
// folder holds, a preview of a blank package, raw HTTP requests with chosen headers.
import { createWriteStream, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createDeflateRaw, crc32 } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import yazl from "yazl";
import { request } from "node:http";
import { main } from "../../authoring/cli/main";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";
import { blankCmi5Zip, blankScorm12Zip } from "../preview/fixture-packages";

export function tempDir(prefix = "passmark-hostile-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `passmark preview …` in-process; only for inputs that are refused (a started preview runs until SIGINT). */
export async function runPreview(args: readonly string[], cwd: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(["preview", ...args], { out: (t) => void out.push(t), err: (t) => void err.push(t), cwd });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

export type ZipPart = { name: string; text: string; store?: boolean } | { name: string; zeros: number };

/** Zeros in 1 MiB chunks: deflates to about 1/1000 of its size. */
function zeros(bytes: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const size = Math.min(left, chunk.length);
      left -= size;
      this.push(size === chunk.length ? chunk : chunk.subarray(0, size));
    },
  });
}

export function writeZip(path: string, parts: readonly ZipPart[]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const part of parts) {
    if ("zeros" in part) zip.addReadStream(zeros(part.zeros), part.name);
    else zip.addBuffer(Buffer.from(part.text, "utf8"), part.name, { compress: part.store !== true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream
      .pipe(createWriteStream(path))
      .on("close", () => resolve(path))
      .on("error", reject);
  });
}

/**
 * A zip of one entry: `bytes` zeros, deflated (level 9: about 1/1000 of the size). Written by hand
 * (APPNOTE.TXT §4.3: local header, data, central directory, end record) because yazl computes the
 * CRC-32 in JavaScript, which takes half a minute for 512 MiB.
 */
export async function writeBombZip(path: string, name: string, bytes: number): Promise<string> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on("data", (data: Buffer) => parts.push(data));
  const ended = new Promise((resolve, reject) => deflate.on("end", resolve).on("error", reject));
  let crc = 0;
  for (let left = bytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once("drain", resolve));
  }
  deflate.end();
  await ended;
  const data = Buffer.concat(parts);
  const fileName = Buffer.from(name, "utf8");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt16LE(0x21, 12); // 1980-01-01
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(bytes, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4); // made by
  central.writeUInt16LE(20, 6); // needed
  central.writeUInt16LE(8, 10);
  central.writeUInt16LE(0x21, 14);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(bytes, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  writeFileSync(path, Buffer.concat([local, fileName, data, central, fileName, end]));
  return path;
}

/** Every file under `dir` (relative paths); [] when it does not exist. */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
  } catch {
    return [];
  }
}

/** A running preview of a minimal SCORM 1.2 or cmi5 package (test/preview/fixture-packages.ts). */
export async function previewOfBlank(kind: "scorm12" | "cmi5"): Promise<PreviewServer> {
  const dir = tempDir();
  const zip = kind === "scorm12" ? await blankScorm12Zip(dir) : await blankCmi5Zip(dir);
  return startPreview({ source: zip, port: 0 });
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with exactly these headers (fetch would add or refuse some) and path bytes. */
export function send(
  origin: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: options.method ?? "GET", path, headers: { host: url.host, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A JSON POST as the preview's own pages send it (Origin = the page's origin). */
export function postJsonFrom(origin: string, path: string, body: string, pageOrigin: string | null = origin): Promise<Answer> {
  return send(origin, path, { method: "POST", headers: { "Content-Type": "application/json", ...(pageOrigin === null ? {} : { Origin: pageOrigin }) }, body });
}
