// Browser harness of the delivery figure: the runtime's own CourseSession over the real Cmi5Driver,
// without the Preact screens, so the benchmark can say exactly when "submit" happens. Exposes
// window.bench; bundled for the browser by bench/pages/session-page.ts.
import { createLearnerState, decodeState } from "../../runtime/assessment";
import { CourseSession } from "../../runtime/app/session";
import type { CourseData } from "../../runtime/course/types";
import { Cmi5Driver } from "../../runtime/lms/cmi5/driver";
import { correctResponse } from "../lib/answers";

let session: CourseSession | null = null;

function current(): CourseSession {
  if (!session) throw new Error("bench.start() first");
  return session;
}

const bench = {
  async start(courseUrl: string): Promise<void> {
    const course = (await (await fetch(courseUrl)).json()) as CourseData;
    const driver = new Cmi5Driver({ url: location.href, reporting: course.reporting, window, document });
    const facts = await driver.start();
    const initial = decodeState(facts.resumeState, course).state ?? createLearnerState();
    session = new CourseSession(course, driver, facts, initial, {
      now: () => Date.now(),
      seed: () => crypto.getRandomValues(new Uint32Array(1))[0]!,
      log: (message) => console.warn(message),
    });
    session.begin();
  },
  /** Every page, then the assessment: an attempt with every question answered correctly. */
  learnAndAnswer(): number {
    const s = current();
    for (const page of s.course.pages) s.visitPage(page.id);
    s.showAssessment();
    if (!s.startAttempt()) throw new Error("no attempt could start");
    const drawn = s.view().state.current?.draw.questions ?? [];
    for (const d of drawn) s.answer(d.questionId, correctResponse(s.questions.get(d.questionId)!));
    return drawn.length;
  },
  submit(): string {
    const submitted = current().submit();
    if (!submitted) throw new Error("nothing to submit");
    return submitted.result.status;
  },
  async exit(): Promise<void> {
    await current().exit();
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
