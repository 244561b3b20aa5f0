// `npm run bench:build` (after `node build.mjs`): the build benchmark of issue 2 alone
// (500 pages, 2,000 questions, 200 MB of media, every target (--target all): wall time and peak RSS).
import { compileBench } from "./compile.mjs";

await compileBench();
const { main } = await import("../dist/bench/main.mjs");
process.exitCode = await main(["--only=build", ...process.argv.slice(2)]);
