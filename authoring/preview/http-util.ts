// Small helpers of the preview server: request bodies (bounded), JSON answers, the loopback guard.
import type { IncomingMessage, ServerResponse } from "node:http";

/** xAPI through the proxy: a statement batch with attachments-free statements stays far below this. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** The preview API: a SCORM commit (64,000 characters of suspend_data, hundreds of interactions) fits many times. */
export const MAX_API_BODY_BYTES = 1024 * 1024;

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", ...headers }).end(text);
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end(text);
}

/** Loopback peers only, and a Host header naming our own loopback address (no DNS rebinding). */
export function isLoopbackRequest(request: IncomingMessage, port: number): boolean {
  const peer = request.socket.remoteAddress ?? "";
  const peerOk = peer.startsWith("127.") || peer === "::1" || peer.startsWith("::ffff:127.");
  const host = (request.headers.host ?? "").toLowerCase();
  return peerOk && (host === `127.0.0.1:${port}` || host === `localhost:${port}`);
}
