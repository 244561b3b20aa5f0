// A request forwarded to another local server (the LMS/LRS of authoring/lrs on its loopback port),
// its answer sent back as it came. The course then talks to its own origin for xAPI, the cmi5 fetch
// URL and the LMS return page: no CORS preflights, so keepalive requests on page close behave as on
// an LMS that hosts its content (preview, bench). Faults the LRS injects pass through as they are: a
// dropped connection drops the browser's connection, a held request is held.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";

export interface ProxiedExchange {
  method: string;
  /** Path and query as the browser sent them. */
  url: string;
  requestBody: string;
  /** 0 when the LRS dropped the connection (or it failed). */
  status: number;
  responseBody: string;
}

export function proxyTo(lmsOrigin: string, request: IncomingMessage, response: ServerResponse, body: Buffer, done: (exchange: ProxiedExchange) => void): void {
  const target = new URL(lmsOrigin);
  const headers = { ...request.headers, host: target.host };
  delete headers.connection;
  const exchange: ProxiedExchange = {
    method: request.method ?? "GET",
    url: request.url ?? "/",
    requestBody: body.toString("utf8"),
    status: 0,
    responseBody: "",
  };
  const upstream = httpRequest(
    { host: target.hostname, port: target.port, method: exchange.method, path: exchange.url, headers },
    (answer: IncomingMessage) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () => {
        finished = true;
        const payload = Buffer.concat(chunks);
        exchange.status = answer.statusCode ?? 502;
        exchange.responseBody = payload.toString("utf8");
        const forwarded = { ...answer.headers };
        delete forwarded.connection;
        delete forwarded["transfer-encoding"];
        forwarded["content-length"] = String(payload.length);
        response.writeHead(exchange.status, forwarded).end(payload);
        done(exchange);
      });
      answer.on("error", () => fail());
    },
  );
  let finished = false;
  const fail = () => {
    if (finished) return;
    finished = true;
    request.socket.destroy();
    done(exchange);
  };
  upstream.on("error", fail);
  // The browser gave up (its own timeout, the tab closed): stop waiting for the LRS too.
  response.on("close", () => {
    if (!response.writableFinished) upstream.destroy();
  });
  upstream.end(body);
}
