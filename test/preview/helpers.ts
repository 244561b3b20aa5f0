// Test helpers for the preview server: a preview of the starter course in a temp working folder,
// raw HTTP requests (paths sent exactly as written, Host header chosen by the test).
import { request } from "node:http";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPreview, type PreviewServer } from "../../authoring/preview/server";

export const STARTER = join(import.meta.dirname, "..", "..", "templates", "starter");

export function tempDir(prefix = "passmark-preview-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function previewOfStarter(workDir = tempDir()): Promise<PreviewServer> {
  return startPreview({ source: STARTER, port: 0, workDir });
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request whose path is sent byte for byte (fetch would normalise "..") with any Host header. */
export function raw(
  origin: string,
  path: string,
  options: { method?: string; host?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: options.method ?? "GET", path, headers: { host: options.host ?? url.host, ...options.headers } },
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

export async function postJson<T>(origin: string, path: string, body: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(origin + path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as T };
}
