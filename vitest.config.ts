import { readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Starts the longest files first, so that no long file starts last and keeps one worker busy while
 * the other idles. It goes by the duration of the last run when vitest has one (its cache); a fresh
 * clone has none, and then every file that drives Chromium counts as long (3–45 s each; nearly all
 * others take under 3 s): vitest's own fallback, the larger file first, would start the four-line
 * journey files (test/e2e/scorm12.test.ts…) last. A file drives Chromium when it or a test module it
 * imports does (test/e2e/grading-cmi5.test.ts only calls ./support/grading-journey): judging by the
 * file's own text, those started last on a fresh clone and made the run's last 15 s.
 */
class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const expected = new Map<TestSpecification, number>();
    const sources = new TestSources(resolve(this.ctx.config.root, "test"));
    for (const spec of files) {
      const last = this.ctx.cache.getFileTestResults(`${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`);
      // A file that failed last time goes first (vitest's own rule): its news matters most.
      expected.set(spec, last ? (last.failed ? Number.MAX_SAFE_INTEGER : last.duration) : estimateMs(spec.moduleId, sources));
    }
    return [...files].sort((a, b) => expected.get(b)! - expected.get(a)!);
  }
}

const LONG_WITHOUT_BROWSER = /^\/\/ test-order: long\b/m;

/**
 * A guess from the source: the journey sets (5–8 browser journeys a file) and the packed-tarball
 * install (npm pack + install from the registry, about a minute) > the files marked long (below) >
 * other browser files, the more test code they run the longer > the rest, by size. Checked against a
 * fresh-clone run's file durations (December 2026): every browser file before every other one, and
 * among them the longer ones mostly first (rank correlation 0.5).
 */
function estimateMs(file: string, sources: TestSources): number {
  const source = sources.text(file);
  if (/\b(scorm|profile)Journeys\(/.test(source) || /\["pack", "--ignore-scripts"/.test(source)) return 90_000;
  // A file without a browser that takes seconds says so in a line of its own (`// test-order: long, …`
  // with the reason: real request timeouts, a 50,000-file package) and starts right after the journey
  // sets, whose learners (two per worker) keep the CPU busy while it waits. By size alone such files
  // started among the last, where each kept one worker busy for 7–9 s while the other had nothing
  // left (fresh clone, December 2026).
  if (LONG_WITHOUT_BROWSER.test(source)) return 40_000;
  const modules = sources.closure(file);
  if (modules.some((module) => /playwright-core/.test(sources.text(module)))) {
    // Its own text counts in full, that of the helpers it shares with other files (journeys…) a quarter.
    const helpers = modules.slice(1).reduce((sum, module) => sum + sources.text(module).length, 0);
    return 30_000 + (source.length + helpers / 4) / 10;
  }
  return source.length / 10;
}

/** The test modules (under test/) a test file imports, directly or through each other, by their relative imports. */
class TestSources {
  private readonly texts = new Map<string, string>();
  constructor(private readonly testRoot: string) {}

  text(file: string): string {
    let text = this.texts.get(file);
    if (text === undefined) this.texts.set(file, (text = readFileSync(file, "utf8")));
    return text;
  }

  closure(file: string, seen = new Set<string>()): string[] {
    if (seen.has(file)) return [...seen];
    seen.add(file);
    for (const [, from, dynamic] of this.text(file).matchAll(RELATIVE_IMPORT)) {
      const module = this.resolveModule(dirname(file), from ?? dynamic);
      if (module) this.closure(module, seen);
    }
    return [...seen];
  }

  private resolveModule(folder: string, specifier: string): string | undefined {
    const base = resolve(folder, specifier);
    if (!base.startsWith(this.testRoot + sep)) return undefined;
    return [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")].find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
  }
}

const RELATIVE_IMPORT = /(?:import|export)\s[^;]*?from\s+["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

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
    // Two workers on a 2-core machine. Three were about 10% faster in session 17's interleaved quiet
    // runs (two 332 and 309 s, three 295, 278 and 291 s) and no faster in session 18's (two 326 and
    // 346 s, three 359 and 320 s; docs/testing.md), so the gain is within this VM's hour-to-hour
    // spread. Session 17's one failure under a CPU hog with three was a press on Next lost to a late
    // image (fixed in session 18: images have their size); three then passed 5 of 5 runs under the
    // hog. Two passed every run under it from cac26f2 to session 18; session 19's two failures under it
    // were races in two tests (found, shown and fixed: docs/testing.md). Twice a journey waited 30 s for a
    // SCO-frame button to become "stable" (once with three workers, once with two, session 16): the
    // page diagnosis a failed test prints (test/support/page-diagnosis.ts) is there to name its cause.
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
