// `npm test` after the build: vitest, then the type check, the lint and the format check side by side
// (their output held and printed at the end, one line per check). Beside vitest they slowed it more than
// they took after it: on a quiet 2-core machine (session 9, fresh clone) vitest took 318 s with them
// beside it and 277 s alone; the browser suites are CPU-bound. After it they take about what the format
// check takes alone (13 s): the type check is TypeScript 7's native compiler.
// The exit code is vitest's, or 1 if any check failed.
// Arguments are passed to vitest (`npm test -- test/ui` checks everything and runs test/ui).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

const CHECKS = [
  // TypeScript 7's native compiler: 2–3 s here where TypeScript 5's took 10–12 s (16 s of CPU).
  { name: "tsc", file: process.execPath, args: [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json", "--noEmit"] },
  { name: "lint", file: process.execPath, args: ["lint.mjs"] },
  { name: "prettier", file: bin("prettier"), args: ["--check", "--log-level", "warn", "."] },
];

/** Runs a check with its output held; resolves with its exit code, output and seconds. */
function check({ name, file, args }) {
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(file, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => done({ name, code: 1, output: `${output}${error.message}\n`, seconds: (Date.now() - started) / 1000 }));
    child.on("close", (code, signal) =>
      done({ name, code: code ?? 1, output: signal ? `${output}killed by ${signal}\n` : output, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

const vitest = await new Promise((done) => {
  const child = spawn(bin("vitest"), ["run", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
  child.on("error", (error) => {
    console.error(`vitest did not start: ${error.message}`);
    done(1);
  });
  child.on("close", (code) => done(code ?? 1));
});
const results = await Promise.all(CHECKS.map(check));
let failed = vitest !== 0;
for (const result of results) {
  if (result.code !== 0) {
    failed = true;
    process.stdout.write(`\n${result.name} failed (exit ${result.code}):\n${result.output}`);
  }
}
process.stdout.write(`\nchecks after vitest: ${results.map((r) => `${r.name} ${r.code === 0 ? "ok" : "FAILED"} (${r.seconds.toFixed(0)} s)`).join(", ")}\n`);
process.exit(failed ? 1 : 0);
