// A tiny static file server for browser tests (node:http on 127.0.0.1, port 0): serves one folder,
// optionally with a Content-Security-Policy header on every answer (default: the strict
// `default-src 'self'` a package must run under). Byte ranges are honoured so media can play/seek.
//
//   const server = await startStaticServer({ root: dir });      // strict CSP
//   await page.goto(`${server.url}/index.html`);
//   await server.close();
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve, sep } from "node:path";

export const STRICT_CSP = "default-src 'self'";

export interface StaticServerOptions {
  /** Folder to serve; "/" maps to index.html. */
  root: string;
  /** Content-Security-Policy header value; null sends none. Default STRICT_CSP. */
  csp?: string | null;
  /** Extra headers on every answer. */
  headers?: Record<string, string>;
}

export interface StaticServer {
  /** http://127.0.0.1:PORT (no trailing slash). */
  readonly url: string;
  /** Paths requested so far, in order (for assertions). */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml",
  ".xsd": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".ogg": "audio/ogg",
  ".vtt": "text/vtt; charset=utf-8",
};

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const csp = options.csp === undefined ? STRICT_CSP : options.csp;
  const requests: string[] = [];
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const headers: Record<string, string> = { "cache-control": "no-store", ...options.headers };
    if (csp !== null) headers["content-security-policy"] = csp;
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400, headers).end("bad path");
      return;
    }
    requests.push(path);
    const file = resolve(root, "." + (path.endsWith("/") ? `${path}index.html` : path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403, headers).end("outside the served folder");
      return;
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      res.writeHead(404, { ...headers, "content-type": "text/plain" }).end("not found");
      return;
    }
    headers["content-type"] = TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
    headers["accept-ranges"] = "bytes";
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
      if (start > end || start >= info.size) {
        res.writeHead(416, { ...headers, "content-range": `bytes */${info.size}` }).end();
        return;
      }
      res.writeHead(206, { ...headers, "content-range": `bytes ${start}-${end}/${info.size}`, "content-length": String(end - start + 1) });
      if (req.method === "HEAD") return void res.end();
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { ...headers, "content-length": String(info.size) });
    if (req.method === "HEAD") return void res.end();
    createReadStream(file).pipe(res);
  };
  const server = createServer((req, res) => {
    answer(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}
