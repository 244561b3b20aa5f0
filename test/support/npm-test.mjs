// `npm test` after the build: the type check, the lint and the format check run BESIDE the vitest run
// instead of before it (together about a minute of one core that the browser suites, which mostly
// wait on Chromium, leave free). vitest's report streams as usual; each check's output is held and
// printed at the end, with one line per check. The exit code is vitest's, or 1 if any check failed.
// Arguments are passed to vitest (`npm test -- test/ui` checks everything and runs test/ui).
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

const CHECKS = [
  { name: "tsc", file: bin("tsc"), args: ["-p", "tsconfig.json", "--noEmit"] },
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

const checks = Promise.all(CHECKS.map(check));
const vitest = await new Promise((done) => {
  const child = spawn(bin("vitest"), ["run", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
  child.on("error", (error) => {
    console.error(`vitest did not start: ${error.message}`);
    done(1);
  });
  child.on("close", (code) => done(code ?? 1));
});
const results = await checks;
let failed = vitest !== 0;
for (const result of results) {
  if (result.code !== 0) {
    failed = true;
    process.stdout.write(`\n${result.name} failed (exit ${result.code}):\n${result.output}`);
  }
}
process.stdout.write(`\nchecks beside vitest: ${results.map((r) => `${r.name} ${r.code === 0 ? "ok" : "FAILED"} (${r.seconds.toFixed(0)} s)`).join(", ")}\n`);
process.exit(failed ? 1 : 0);
