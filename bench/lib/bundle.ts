// Bundling with esbuild for the benchmarks: reference libraries "bundled alone" (payload figure) and
// the small browser pages the launch-latency figure loads.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";

export const ROOT = process.cwd();

/** gzip at level 9, as bundle-size tools report it. */
export function gzipSize(data: Uint8Array | string): number {
  return gzipSync(typeof data === "string" ? Buffer.from(data) : data, { level: 9 }).length;
}

/** Bundle a small browser entry (TypeScript source) like build.mjs bundles the runtime: minified IIFE. */
export async function bundleForBrowser(source: string, resolveDir = ROOT): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "ts", sourcefile: "bench-entry.ts" },
    jsx: "automatic",
    jsxImportSource: "preact",
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    // No down-levelling: the reference libraries ship modern syntax esbuild cannot lower to the
    // runtime's es2020 target, and leaving it as is gives them their smallest size.
    target: "esnext",
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    logLevel: "error",
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error("esbuild produced no output");
  return file.contents;
}
