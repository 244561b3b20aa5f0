// The preview's guard against cross-site requests (docs/preview.md "Two origins, and who may call
// what"): a state-changing request (anything but GET/HEAD) must say Content-Type: application/json
// and, when it carries an Origin, come from the server's own origin. A cross-site page can send
// neither without a CORS preflight, which the preview never grants; clients without an Origin (Node
// scripts, tests) are no browser page and pass with JSON. Fetch Standard (fetch.spec.whatwg.org):
// browsers send `Origin` on every request whose method is not GET or HEAD, and only text/plain and
// the two form types are CORS-safelisted Content-Types — application/json from another origin is
// preflighted.
import type { IncomingMessage } from "node:http";
import { loopbackOrigins } from "../http/loopback";

export interface Refusal {
  status: 403 | 415;
  message: string;
}

export function checkStateChange(request: IncomingMessage, port: number): Refusal | null {
  const method = request.method ?? "GET";
  if (method === "GET" || method === "HEAD") return null;
  const mediaType = String(request.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  if (mediaType !== "application/json") return { status: 415, message: `${method} needs Content-Type: application/json (got "${mediaType || "none"}")` };
  const origin = request.headers.origin;
  if (origin !== undefined && !loopbackOrigins(port).includes(origin))
    return { status: 403, message: `requests from ${origin} are refused: only this page's own origin may change anything` };
  return null;
}
