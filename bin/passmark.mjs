#!/usr/bin/env node
// The `passmark` command. The CLI is written in TypeScript and bundled by build.mjs.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli/passmark.mjs", import.meta.url));
if (!existsSync(cli)) {
  console.error("passmark: the CLI is not built yet. Run `npm run build` first.");
  process.exit(70);
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
