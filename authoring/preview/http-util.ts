// Small helpers of the preview server: request bodies (bounded), JSON answers, the loopback guard.
import type { IncomingMessage, ServerResponse } from "node:http";

/** A statement batch with attachments-free statements stays far below this. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError(`request body over ${MAX_BODY_BYTES} bytes`));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers }).end(text);
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end(text);
}

export function parseJson(body: Buffer): unknown {
  return JSON.parse(body.toString("utf8")) as unknown;
}

/** Loopback peers only, and a Host header naming our own loopback address (no DNS rebinding). */
export function isLoopbackRequest(request: IncomingMessage, port: number): boolean {
  const peer = request.socket.remoteAddress ?? "";
  const peerOk = peer.startsWith("127.") || peer === "::1" || peer.startsWith("::ffff:127.");
  const host = (request.headers.host ?? "").toLowerCase();
  return peerOk && (host === `127.0.0.1:${port}` || host === `localhost:${port}`);
}
