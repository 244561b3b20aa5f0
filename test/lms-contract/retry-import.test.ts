// runtime/lms/retry-import.ts without a browser: the first try is the bundler's import(); after a
// failure that names the chunk's URL each try asks for a URL of its own; without a URL, the same
// import() again. (In Chromium, where a failed URL is never fetched again: test/ui/lazy-screens-chunk.)
import { describe, expect, it } from "vitest";
import { failedModuleUrl, loadOnce, retryingImport } from "../../runtime/lms/retry-import";

const CHROMIUM = "Failed to fetch dynamically imported module: http://127.0.0.1:4000/runtime/passmark-screens-chunk-AB12.js";

describe("failedModuleUrl", () => {
  it("reads the URL Chromium and Firefox name, without a query it had", () => {
    expect(failedModuleUrl(new TypeError(CHROMIUM))).toBe("http://127.0.0.1:4000/runtime/passmark-screens-chunk-AB12.js");
    expect(failedModuleUrl(new TypeError("error loading dynamically imported module: https://lms.example/p/passmark-write-path-X.js?retry=3"))).toBe(
      "https://lms.example/p/passmark-write-path-X.js",
    );
  });
  it("is null when the failure names no script URL", () => {
    expect(failedModuleUrl(new TypeError("Importing a module script failed."))).toBeNull();
    expect(failedModuleUrl("offline")).toBeNull();
  });
});

describe("retryingImport", () => {
  it("tries the bundler's import first, then the named URL with a retry number of its own each time", async () => {
    const firsts: number[] = [];
    const urls: string[] = [];
    const load = retryingImport(
      async () => {
        firsts.push(1);
        throw new TypeError(CHROMIUM);
      },
      async (url) => {
        urls.push(url);
        if (urls.length < 2) throw new TypeError(`Failed to fetch dynamically imported module: ${url}`);
        return "chunk";
      },
    );
    await expect(load()).rejects.toThrow(CHROMIUM);
    await expect(load()).rejects.toThrow("retry=1");
    await expect(load()).resolves.toBe("chunk");
    expect(firsts).toEqual([1]);
    expect(urls).toEqual([
      "http://127.0.0.1:4000/runtime/passmark-screens-chunk-AB12.js?retry=1",
      "http://127.0.0.1:4000/runtime/passmark-screens-chunk-AB12.js?retry=2",
    ]);
  });
  it("without a URL in the failure, runs the bundler's import again (a browser that fetches it anew)", async () => {
    let tries = 0;
    const load = retryingImport(
      async () => {
        tries += 1;
        if (tries === 1) throw new TypeError("Importing a module script failed.");
        return "chunk";
      },
      async () => {
        throw new Error("not used");
      },
    );
    await expect(load()).rejects.toThrow("Importing");
    await expect(load()).resolves.toBe("chunk");
    expect(tries).toBe(2);
  });
  it("a success is returned as is, and nothing else is imported", async () => {
    const load = retryingImport(
      async () => 42,
      async () => 0,
    );
    await expect(load()).resolves.toBe(42);
  });
});

describe("loadOnce (the state codec, the assessment half, the UI's lazy chunks)", () => {
  it("loads once for callers at the same time, forgets a failure so the next load tries again, and tells of the arrival once", async () => {
    let tries = 0;
    const arrivals: string[] = [];
    const slot = loadOnce(
      async () => {
        tries += 1;
        if (tries === 1) throw new TypeError("Importing a module script failed.");
        return `chunk ${tries}`;
      },
      (chunk) => arrivals.push(chunk),
    );
    const [a, b] = [slot.load(), slot.load()];
    await expect(a).rejects.toThrow("Importing");
    await expect(b).rejects.toThrow("Importing");
    expect(tries).toBe(1);
    expect(slot.loaded()).toBeNull();
    await expect(slot.load()).resolves.toBe("chunk 2");
    await expect(slot.load()).resolves.toBe("chunk 2");
    expect(slot.loaded()).toBe("chunk 2");
    expect(tries).toBe(2);
    expect(arrivals).toEqual(["chunk 2"]);
  });
});
