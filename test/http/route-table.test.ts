// authoring/http/route-table.ts: patterns, first match wins, HEAD with GET, 404 and 405 that say why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, type Listening } from "../../authoring/http/listen";
import { sendJson } from "../../authoring/http/respond";
import { matchPath, matchRoute, routeTable, type Route } from "../../authoring/http/route-table";

describe("matchPath", () => {
  it.each([
    ["/api/info", "/api/info", {}],
    ["/cmi5/fetch/:key", "/cmi5/fetch/abc", { key: "abc" }],
    ["/pkg/:target/*", "/pkg/cmi5/a/b.js", { target: "cmi5", "*": "a/b.js" }],
    ["/pkg/:target/*", "/pkg/cmi5/", { target: "cmi5", "*": "" }],
    ["/pkg/:target/*", "/pkg/cmi5//etc/passwd", { target: "cmi5", "*": "/etc/passwd" }],
    ["/pkg/:target/*", "/pkg/..%2fx/y", { target: "..%2fx", "*": "y" }],
    ["/*", "/", { "*": "" }],
  ])("%s matches %s", (pattern, path, params) => {
    expect(matchPath(pattern, path)).toEqual(params);
  });

  it.each([
    ["/api/info", "/api/info/"],
    ["/api/info", "/api"],
    ["/cmi5/fetch/:key", "/cmi5/fetch/"],
    ["/cmi5/fetch/:key", "/cmi5/fetch/a/b"],
    ["/pkg/:target/*", "/pkg/cmi5"],
    ["/xapi/*", "/xapix/statements"],
  ])("%s does not match %s", (pattern, path) => {
    expect(matchPath(pattern, path)).toBeNull();
  });
});

describe("matchRoute", () => {
  const routes: Route<string>[] = [
    { method: "GET", path: "/a", handler: "get-a" },
    { method: "POST", path: "/a", handler: "post-a" },
    { method: "PUT", path: "/b/:id", handler: "put-b" },
    { method: "*", path: "/c/*", handler: "any-c" },
    { method: "GET", path: "/c/fixed", handler: "never: the route before takes it" },
  ];

  it("takes the first route whose path and method match; GET answers HEAD", () => {
    expect(matchRoute(routes, "GET", "/a")).toMatchObject({ ok: true, handler: "get-a" });
    expect(matchRoute(routes, "HEAD", "/a")).toMatchObject({ ok: true, handler: "get-a" });
    expect(matchRoute(routes, "POST", "/a")).toMatchObject({ ok: true, handler: "post-a" });
    expect(matchRoute(routes, "PUT", "/b/7")).toEqual({ ok: true, handler: "put-b", params: { id: "7" } });
    expect(matchRoute(routes, "DELETE", "/c/fixed")).toMatchObject({ ok: true, handler: "any-c" });
  });

  it("405 names the methods the path takes; 404 names the path", () => {
    expect(matchRoute(routes, "DELETE", "/a")).toEqual({ ok: false, status: 405, message: "DELETE /a: only GET, HEAD, POST", allow: ["GET", "HEAD", "POST"] });
    expect(matchRoute(routes, "GET", "/b/7")).toMatchObject({ ok: false, status: 405, allow: ["PUT"] });
    expect(matchRoute(routes, "GET", "/nope")).toEqual({ ok: false, status: 404, message: "not found: /nope", allow: [] });
  });
});

describe("routeTable over HTTP", () => {
  let site: Listening;
  beforeAll(async () => {
    site = await listen(
      routeTable(
        [
          {
            method: "GET",
            path: "/hello/:name",
            handler: ({ response, params, url }) => sendJson(response, 200, { hello: params.name, q: url.searchParams.get("q") }),
          },
          { method: "GET", path: "/boom", handler: () => Promise.reject(new Error("it broke")) },
        ],
        { guard: (request) => (request.headers["x-refuse"] ? "refused by the guard" : null), headers: { "X-Site": "test" } },
      ),
    );
  });
  afterAll(async () => {
    await site.close();
  });

  it("answers a route with its params and query", async () => {
    const answer = await fetch(`${site.url}/hello/ada?q=1`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ hello: "ada", q: "1" });
  });

  it("refuses as { message } with the table's headers: 404, 405 with Allow, 403 from the guard, 500 from a throwing handler", async () => {
    const cases = [
      [await fetch(`${site.url}/nope`), 404, "not found: /nope"],
      [await fetch(`${site.url}/hello/ada`, { method: "POST" }), 405, "POST /hello/ada: only GET, HEAD"],
      [await fetch(`${site.url}/hello/ada`, { headers: { "X-Refuse": "1" } }), 403, "refused by the guard"],
      [await fetch(`${site.url}/boom`), 500, "it broke"],
    ] as const;
    for (const [answer, status, message] of cases) {
      expect(answer.status).toBe(status);
      expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(answer.headers.get("x-site")).toBe("test");
      expect(await answer.json()).toEqual({ message });
    }
    expect((await fetch(`${site.url}/hello/ada`, { method: "DELETE" })).headers.get("allow")).toBe("GET, HEAD");
  });

  it("listens on 127.0.0.1, on a free port", async () => {
    expect(new URL(site.url).hostname).toBe("127.0.0.1");
    expect(site.port).toBeGreaterThan(0);
  });
});
