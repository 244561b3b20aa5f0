// Local servers answer their own loopback address only: the peer is this machine, and the Host header
// names 127.0.0.1 or localhost with our port (a page on a rebound DNS name carries its own name: no
// DNS rebinding).
import type { IncomingMessage } from "node:http";

/** Both loopback names of one port: the author may open 127.0.0.1 or localhost. */
export function loopbackOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function isLoopbackRequest(request: IncomingMessage, port: number): boolean {
  const peer = request.socket.remoteAddress ?? "";
  const peerOk = peer.startsWith("127.") || peer === "::1" || peer.startsWith("::ffff:127.");
  const host = (request.headers.host ?? "").toLowerCase();
  return peerOk && (host === `127.0.0.1:${port}` || host === `localhost:${port}`);
}
