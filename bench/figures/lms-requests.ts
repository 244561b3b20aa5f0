// Figure 9 (issue 14): LMS requests in one passing cmi5 session of the starter course (8 questions),
// through the learner UI of the built package: launch, every page, one attempt all right, submit,
// exit. Every request the LMS receives is counted by kind. Target: ≤ 12 requests.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { startLocalLms } from "../../authoring/lrs";
import { readBuiltCourse } from "../../test/ui/answers";
import { launchChromium, readTiming, watchReadiness } from "../lib/browser";
import { ROOT } from "../lib/bundle";
import { startFrontServer, type FrontServer, type ProxiedRequest } from "../lib/front-server";
import { buildAndUnpack } from "../lib/package";
import { count, row, type FigureResult } from "../lib/report";
import { median } from "../lib/stats";
import { learnAndAnswer } from "./delivery";
import { ADDED_LATENCY_MS, launchThrough } from "./launch";

const TERMINATED = "http://adlnet.gov/expapi/verbs/terminated";
const TARGET = 12;

/** "PUT state", "POST statements (3)", "GET agents/profile"…: what one request was. */
function kindOf(r: ProxiedRequest): string {
  const last = r.path.replace(/\/+$/, "").split("/").pop() ?? r.path;
  if (r.path.includes("/cmi5/") || r.path.includes("/fetch")) return `${r.method} fetch URL`;
  if (last === "statements" && r.method !== "GET") return `${r.method} statements`;
  if (last === "state") return `${r.method} state`;
  if (last === "profile") return `${r.method} agent profile`;
  return `${r.method} ${last}`;
}

export async function lmsRequestsFigure(runs: number): Promise<FigureResult> {
  const dir = await mkdtemp(join(tmpdir(), "passmark-bench-requests-"));
  const lms = await startLocalLms({ strict: true });
  let front: FrontServer | null = null;
  let browser: Browser | null = null;
  try {
    const content = await buildAndUnpack(join(ROOT, "templates", "starter"), "cmi5", dir);
    const course = await readBuiltCourse(content);
    const questions = (course.assessment?.items ?? []).length;
    front = await startFrontServer(lms.origin, { "/content/": content });
    lms.faults.set({ latencyMs: ADDED_LATENCY_MS });
    browser = await launchChromium();
    const totals: number[] = [];
    const stateWrites: number[] = [];
    const statementRequests: number[] = [];
    let breakdown = "";
    let stored = 0;
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await watchReadiness(page);
        front.proxied.length = 0;
        const url = launchThrough(front, lms, "/content/index.html");
        const registration = new URL(url).searchParams.get("registration")!;
        await page.goto(url, { waitUntil: "commit" });
        await readTiming(page, 20_000);
        await learnAndAnswer(page, course);
        await page.getByRole("button", { name: "Submit answers" }).click();
        await page.getByRole("button", { name: "Exit", exact: true }).click();
        await front.whenStored(TERMINATED, 15_000);
        await front.whenIdle(300, 10_000);
        const requests = front.proxied.filter((r) => !r.path.startsWith("/lms/"));
        const kinds = new Map<string, number>();
        for (const r of requests) kinds.set(kindOf(r), (kinds.get(kindOf(r)) ?? 0) + 1);
        totals.push(requests.length);
        stateWrites.push(kinds.get("PUT state") ?? 0);
        statementRequests.push((kinds.get("PUT statements") ?? 0) + (kinds.get("POST statements") ?? 0));
        breakdown = [...kinds.entries()]
          .sort((a, b) => b[1] - a[1])
          .map(([k, n]) => `${k} ${n}`)
          .join(", ");
        stored = lms.statements({ registration }).length;
      } finally {
        await context.close();
      }
    }
    const total = median(totals);
    const violations = lms.violations.length;
    return {
      id: "requests",
      title: `9. LMS requests, passing cmi5 session of the starter course (${questions} questions)`,
      rows: [
        row("LMS requests per session, launch to Terminated", total, "requests", count, { text: `≤ ${TARGET} (issue 14)`, pass: total <= TARGET }, breakdown),
        row("  of them State document writes", median(stateWrites), "requests", count),
        row("  of them statement requests (PUT one / POST a batch)", median(statementRequests), "requests", count, undefined, `${stored} statements stored`),
        row("cmi5 rule violations recorded by the LRS", violations, "violations", count, { text: "0", pass: violations === 0 }),
      ],
      method:
        `The starter course's cmi5 package, launched from the local LMS (strict mode, ${ADDED_LATENCY_MS} ms added per request) through the same-origin front server, driven through the learner UI in Chromium the way figure 3 does: Next through every page, Start attempt, every question answered right (test/ui/answers.ts), Submit answers, Exit. ` +
        `Every request the front server forwarded to the LMS from the launch until the traffic is quiet after Terminated was stored (the fetch URL POST, xAPI reads and writes), counted by kind; median of ${runs} sessions.`,
    };
  } finally {
    await browser?.close();
    await front?.close();
    await lms.close();
    await rm(dir, { recursive: true, force: true });
  }
}
