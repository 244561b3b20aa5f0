import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Starts the longest files first, so that no long file starts last and keeps one worker busy while
 * the other idles. It goes by the duration of the last run when vitest has one (its cache); a fresh
 * clone has none, and then a file that drives Chromium counts as long (10–90 s each, nearly all
 * others take under 10 s): vitest's own fallback, the larger file first, would start the four-line
 * journey files (test/e2e/scorm12.test.ts…) last.
 */
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const expected = new Map<TestSpecification, number>();
    for (const spec of files) {
      const last = this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`);
      // A file that failed last time goes first (vitest's own rule): its news matters most.
      expected.set(spec, last ? (last.failed ? Number.MAX_SAFE_INTEGER : last.duration) : estimateMs(readFileSync(spec.moduleId, "utf8")));
    }
    return [...files].sort((a, b) => expected.get(b)! - expected.get(a)!);
  }
}

/** A guess from the source: the journey sets (5–8 browser journeys a file) and the packed-tarball install (npm pack + install from the registry, about a minute) > other browser files > the rest. */
function estimateMs(source: string): number {
  if (/\b(scorm|profile)Journeys\(/.test(source) || /\["pack", "--ignore-scripts"/.test(source)) return 90_000;
  if (/launchChromium|Journeys\(|playwright-core/.test(source)) return 30_000 + source.length;
  return source.length / 10;
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    // A browser test takes seconds, and several times longer while the CPUs are busy (three workers,
    // other work on the machine): 30 s was too little for a full keyboard pass under load.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // expect.poll waits for what a busy machine may take seconds to show (a render, a commit
    // reaching the LMS); the default 1 s made browser tests fail under CPU load, and journeys now run
    // two at a time (maxConcurrency). A deadline, not a wait: only a failing poll takes longer.
    expect: { poll: { timeout: 30_000 } },
    // One Chromium for the run; each browser suite connects to it (test/support/chromium.ts). One
    // folder of built packages for the run: each course/target is built once, whichever worker asks
    // first (test/support/built-package-cache.ts).
    globalSetup: ["./test/support/chromium-global-setup.ts", "./test/support/built-packages-global-setup.ts"],
    // Two workers on a 2-core machine. Three were tried (a journey keeps a core only partly busy), and a
    // quiet fresh-clone run then had a journey wait 30 s for a button of the SCO frame to become
    // "stable" (animation frames starved while three files drove the one Chromium); its gain was never measured quiet.
    maxWorkers: 2,
    // Tests of a describe.concurrent (the journey files: one learner each) run two at a time per
    // worker: a journey mostly waits (renders, the LMS, page loads). Four were measured on a quiet
    // fresh clone (session 8, issue 14 item 4): npm test 8 min 20 s against 7 min 41 s with two, and
    // at a load average of 25 four took journeys past their deadline. A fixed number, so that a run
    // does not depend on the load at its start; PASSMARK_TEST_CONCURRENCY sets it (1: one by one).
    // The test/ui browser files run theirs the same way (docs/testing.md).
    maxConcurrency: Number(process.env.PASSMARK_TEST_CONCURRENCY ?? 2),
    // A worker runs file after file in one process and imports each module once (not once per file:
    // that was two thirds of the time of the files that need no browser). So no test may leave a
    // module's state changed for the next file: nothing here mocks modules or stubs globals.
    isolate: false,
    sequence: { sequencer: LongestFirstSequencer },
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
