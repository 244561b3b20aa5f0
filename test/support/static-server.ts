// A tiny static file server for browser tests (authoring/http on 127.0.0.1, port 0): serves one
// folder, optionally with a Content-Security-Policy header on every answer (default: the strict
// `default-src 'self'` a package must run under). Byte ranges are honoured so media can play/seek.
//
//   const server = await startStaticServer({ root: dir });      // strict CSP
//   await page.goto(`${server.url}/index.html`);
//   await server.close();
import { listen } from "../../authoring/http/listen";
import { routeTable } from "../../authoring/http/route-table";
import { serveFile } from "../../authoring/http/static-files";

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

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const csp = options.csp === undefined ? STRICT_CSP : options.csp;
  const headers: Record<string, string> = { ...options.headers, ...(csp === null ? {} : { "Content-Security-Policy": csp }) };
  const requests: string[] = [];
  const site = await listen(
    routeTable(
      [
        {
          method: "GET",
          path: "/*",
          handler: ({ request, response, url, params }) => {
            requests.push(safeDecode(url.pathname));
            return serveFile(request, response, options.root, params["*"]!, { headers });
          },
        },
      ],
      { headers },
    ),
  );
  return { url: site.url, requests, close: () => site.close() };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
