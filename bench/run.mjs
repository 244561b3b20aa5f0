// `npm run bench` (after `node build.mjs`): every benchmark; see bench/main.ts and docs/benchmarks.md.
import { compileBench } from "./compile.mjs";

await compileBench();
const { main } = await import("../dist/bench/main.mjs");
process.exitCode = await main(process.argv.slice(2));
