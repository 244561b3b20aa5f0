// `npm test` after the build: vitest, and the type check, the lint and the format check on the CPU
// vitest leaves idle (their output held and printed at the end, one line per check). The browser
// suites are CPU-bound but leave about 8% of a 2-core machine idle while processes wait on each other
// (more in the run's last 40 s, when one worker has no file left); the checks need about 31 s of CPU.
// So they start beside vitest under SCHED_IDLE (`chrt --idle`: they run only on a core nothing else
// wants, so they do not slow vitest), and when vitest ends, any still running go back to the normal
// policy to finish on the whole machine (a check that cannot be switched back is run again normally:
// under SCHED_IDLE beside a CPU hog it would barely move). Without chrt (not Linux) they run after
// vitest. Beside vitest at the normal policy they slowed it more than they took after it (session 9:
// vitest 318 s with them, 277 s alone; docs/testing.md).
// The exit code is vitest's, or 1 if any check failed.
// Arguments are passed to vitest (`npm test -- test/ui` checks everything and runs test/ui).
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = (name) => join(root, "node_modules", ".bin", name);

const CHECKS = [
  { name: "tsc", file: bin("tsc"), args: ["-p", "tsconfig.json", "--noEmit"] },
  { name: "lint", file: process.execPath, args: ["lint.mjs"] },
  { name: "prettier", file: bin("prettier"), args: ["--check", "--log-level", "warn", "."] },
];

/** chrt (util-linux) when it can start a command under SCHED_IDLE here; undefined otherwise. */
function idleScheduler() {
  const probe = spawnSync("chrt", ["--idle", "0", "true"], { stdio: "ignore" });
  return probe.status === 0 ? "chrt" : undefined;
}

/**
 * Starts a check with its output held. `done` resolves with its exit code, output and the seconds it
 * took; `finishNormally()` moves a check still running to the normal policy (or, if the switch is
 * refused, runs it again normally) and resolves with `done`.
 */
function startCheck({ name, file, args }, { chrt }) {
  let started = Date.now();
  let again = false; // run again at the normal policy after vitest
  let child;
  let settle;
  const done = new Promise((resolve) => (settle = resolve));
  const run = (command, commandArgs) => {
    let output = "";
    child = spawn(command, commandArgs, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const own = child;
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on(
      "error",
      (error) => own === child && settle({ name, again, code: 1, output: `${output}${error.message}\n`, seconds: (Date.now() - started) / 1000 }),
    );
    child.on("close", (code, signal) => {
      if (own !== child) return; // replaced by a normal run (finishNormally)
      settle({ name, again, code: code ?? 1, output: signal ? `${output}killed by ${signal}\n` : output, seconds: (Date.now() - started) / 1000 });
    });
  };
  if (chrt) run(chrt, ["--idle", "0", file, ...args]);
  else run(file, args);
  let running = true;
  done.then(() => (running = false));
  return {
    done,
    finishNormally() {
      if (!chrt || !running) return done;
      const back = spawnSync(chrt, ["--all-tasks", "--other", "--pid", "0", String(child.pid)], { stdio: "ignore" });
      if (back.status !== 0 && running) {
        const idleChild = child;
        started = Date.now();
        again = true;
        run(file, args);
        idleChild.kill("SIGKILL");
      }
      return done;
    },
  };
}

const chrt = idleScheduler();
// Without SCHED_IDLE the checks wait for vitest: beside it they would take CPU it needs.
const besideVitest = chrt ? CHECKS.map((check) => startCheck(check, { chrt })) : [];
const vitestStarted = Date.now();
const vitest = await new Promise((done) => {
  const child = spawn(bin("vitest"), ["run", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
  child.on("error", (error) => {
    console.error(`vitest did not start: ${error.message}`);
    done(1);
  });
  child.on("close", (code) => done(code ?? 1));
});
const vitestEnded = Date.now();
const results = await Promise.all(chrt ? besideVitest.map((check) => check.finishNormally()) : CHECKS.map((check) => startCheck(check, {}).done));
let failed = vitest !== 0;
for (const result of results) {
  if (result.code !== 0) {
    failed = true;
    process.stdout.write(`\n${result.name} failed (exit ${result.code}):\n${result.output}`);
  }
}
const after = Math.max(0, (Date.now() - vitestEnded) / 1000);
process.stdout.write(
  `\nchecks ${chrt ? "beside vitest on idle CPU" : "after vitest"}: ${results.map((r) => `${r.name} ${r.code === 0 ? "ok" : "FAILED"} (${r.seconds.toFixed(0)} s${r.again ? ", run again after vitest" : ""})`).join(", ")}; ` +
    `vitest ${((vitestEnded - vitestStarted) / 1000).toFixed(0)} s, the checks ended ${after.toFixed(0)} s after it\n`,
);
process.exit(failed ? 1 : 0);
