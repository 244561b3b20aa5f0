// Edit → visible in watch mode, for the starter course: a copy of templates/starter is previewed
// with watch on, launched (cmi5) in Chromium and moved to its third page; then, N times, that page's
// Markdown is saved with a new line and the time is taken until the relaunched course shows it
// (polled every 10 ms). Reports each run, the median and the worst, and the rebuild's own share (the
// BuildStatus ms). Run: `node bench/watch-latency.mjs [--runs=N]` (after `node build.mjs`).
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPreview } from "../../authoring/preview/server";
import { launchChromium } from "../lib/browser";

const STARTER = join(process.cwd(), "templates", "starter");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error("watch latency: timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function main(argv: string[]): Promise<number> {
  const runs = Number(/^--runs=(\d+)$/.exec(argv.find((a) => a.startsWith("--runs=")) ?? "")?.[1] ?? "7");
  const work = await mkdtemp(join(tmpdir(), "passmark-watch-bench-"));
  const course = join(work, "course");
  await cp(STARTER, course, { recursive: true });
  const preview = await startPreview({ source: course, port: 0, workDir: join(work, "lms"), watch: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${preview.origin}/`);
    await page.waitForFunction(() => document.querySelector("#course-title")?.textContent !== "…");
    await page.click("#launch");
    const frame = page.frameLocator("#course");
    const heading = () =>
      frame
        .locator("h1")
        .first()
        .innerText({ timeout: 1_000 })
        .catch(() => "");
    await until(heading, (h) => h === "Welcome");
    for (const next of ["The alarm", "Fire extinguishers"]) {
      await frame.getByRole("button", { name: "Next", exact: true }).click();
      await until(heading, (h) => h === next);
    }
    const file = join(course, "pages", "extinguishers.md");
    const original = await readFile(file, "utf8");
    const totals: number[] = [];
    const rebuilds: number[] = [];
    for (let run = 1; run <= runs; run += 1) {
      const marker = `Watch bench edit ${run}.`;
      const started = performance.now();
      await writeFile(file, `${original}\n${marker}\n`);
      await until(
        () =>
          frame
            .locator("body")
            .innerText({ timeout: 1_000 })
            .catch(() => ""),
        (text) => text.includes(marker),
      );
      const total = Math.round(performance.now() - started);
      const status = preview.builds!.current;
      totals.push(total);
      rebuilds.push(status.ms);
      process.stdout.write(`run ${run}: edit → visible ${total} ms (rebuild of ${status.targets.join(", ")} ${status.ms} ms)\n`);
      await until(heading, (h) => h === "Fire extinguishers");
    }
    process.stdout.write(
      `starter, cmi5: edit → visible median ${median(totals)} ms, worst ${Math.max(...totals)} ms; rebuild median ${median(rebuilds)} ms (${runs} runs)\n`,
    );
    return 0;
  } finally {
    await browser.close();
    await preview.close();
    await rm(work, { recursive: true, force: true });
  }
}
