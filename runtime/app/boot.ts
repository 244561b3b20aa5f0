// Start-up: load the course, detect the launch, start the right driver, decode the resume state,
// pick the messages, mount the UI. Any failure on the way shows a readable error screen. A package
// with units opened without naming one shows its units outside an LMS, an error under one.
import { h, render } from "preact";
import { createLearnerState } from "../assessment/learner-visits";
import { courseHasTasks, loadTaskKit } from "../assessment/task-kit";
import { loadCatalogue, pickLanguage, translator } from "../i18n/index";
import { detectLaunch, type Detection } from "../lms/detect";
import type { LmsDriver } from "../lms/driver";
import { consoleLogger, systemClock, type Logger } from "../lms/ports";
import { App, initialScreen } from "../ui/app";
import { ErrorScreen } from "../ui/error-screen";
import { UnitListScreen } from "../ui/unit-list-screen";
import { inScreensChunk, loadScreens } from "../ui/screens-loader";
import { LaunchError } from "../lms/launch-error";
import { randomSeed } from "./random-seed";
import { loadLaunchCourseData, UnitNotNamed } from "./course-data";
import { loadDriverMaker } from "./driver-factory";
import { watchPageHide } from "./page-hide";
import { CourseSession } from "./session";
import { needsDecoding, stateCodec } from "./state-codec-loader";
import { assessmentHalf, needsHalf } from "./assessment-half-loader";

/** Marked once the first screen is interactive (the benchmark reads it). */
export const INTERACTIVE_MARK = "passmark:interactive";

/** What a bundle's entry did before the app arrived (runtime/entry-cmi5.ts, entry-scorm12.ts, entry-scorm2004.ts): its handshake may already run. */
export interface EarlyStart {
  detection: Detection;
  /** The one logger of the page. */
  logger: Logger;
  /** The driver for `detection`, its launch handshake started (Cmi5Driver.launch; SCORM: ScormDriver.launch, Initialize and the reads). */
  driver?: LmsDriver | undefined;
}

export async function boot(win: Window, root: HTMLElement, entry?: EarlyStart): Promise<CourseSession | null> {
  const doc = win.document;
  // The one logger of this page: boot's own lines, the session's and the driver's (driver-factory.ts).
  const logger = entry?.logger ?? consoleLogger();
  const log = (message: string) => logger.warn(message);
  let session: CourseSession;
  let detection: Detection | undefined;
  try {
    const fetchImpl = win.fetch.bind(win);
    detection = entry?.detection ?? detectLaunch(win);
    // The driver's code loads (or its handshake already runs) while the course data is fetched.
    const driverMaker = loadDriverMaker(detection, win, logger, entry?.driver);
    driverMaker.catch(() => undefined); // its failure is reported below, unless the course fails first
    const course = await loadLaunchCourseData(fetchImpl, win.location.search);
    // A course with a task loads the task code (assessment/task-kit.ts) while the driver starts.
    const taskCode = courseHasTasks(course) ? loadTaskKit() : null;
    taskCode?.catch(() => undefined); // its failure is reported below, before the LMS session opens
    // The course language's catalogue loads while the driver starts (a cmi5 preference may pick another).
    const courseLang = pickLanguage(course.language, []);
    const early = loadCatalogue(courseLang, fetchImpl, log);
    const driver = (await driverMaker)(course);
    await taskCode;
    const facts = await driver.start();
    facts.warnings.forEach(log);
    // A saved state is read with the codec, a chunk of its own: only a resume waits for it (state-codec-loader.ts).
    const decoded = needsDecoding(facts.resumeState) ? (await stateCodec.load()).decodeState(facts.resumeState, course) : { state: null, warning: null };
    if (decoded.warning) log(decoded.warning);
    const initial = decoded.state ?? createLearnerState();
    // A saved attempt (finished or in progress) is judged with the assessment half: only such a resume waits for it (assessment-half-loader.ts).
    if (needsHalf(initial)) await assessmentHalf.load();
    const started = new CourseSession(course, driver, facts, initial, {
      clock: systemClock,
      seed: () => randomSeed(win.crypto),
      logger,
      codec: stateCodec,
      half: assessmentHalf,
    });
    session = started;
    // The page lifecycle's one owner, from the moment the session exists: the session saves what it
    // holds back, then the driver commits or ends the session (page-hide.ts).
    watchPageHide(win, doc, (unloading) => started.pageHidden(unloading));
    // cmi5 languagePreference wins when we have that language; SCORM and standalone follow the course.
    const lang = pickLanguage(course.language, facts.standard === "cmi5" ? facts.languagePreference : []);
    // A first screen from the screens chunk (a resume into an attempt in progress) waits for it; if it
    // fails, the App shows that with "Load again" (ui/chunk-pending.tsx).
    const screens = inScreensChunk(initialScreen(started))
      ? loadScreens().catch((error: unknown) => log(`the assessment screens could not be loaded: ${String(error)}`))
      : null;
    const catalogue = lang === courseLang ? await early : await loadCatalogue(lang, fetchImpl, log);
    await screens;
    root.textContent = "";
    render(h(App, { session, i18n: translator(lang, catalogue) }), root);
  } catch (caught) {
    if (caught instanceof UnitNotNamed && detection?.standard === "standalone") {
      const lang = pickLanguage(caught.list.language, []);
      const catalogue = await loadCatalogue(lang, win.fetch.bind(win), log);
      root.textContent = "";
      render(h(UnitListScreen, { list: caught.list, i18n: translator(lang, catalogue) }), root);
      return null;
    }
    // Under an LMS a unit must be named: the manifest's launch URL carries it, so the LMS dropped it.
    const error =
      caught instanceof UnitNotNamed
        ? new LaunchError(
            "course-data",
            `${caught.message}: the LMS launched index.html without the unit the manifest names (its units: ${caught.list.units.map((u) => u.id).join(", ")})`,
          )
        : caught;
    logger.error(`the course could not start: ${String(error)}`);
    const lang = pickLanguage(doc.documentElement.lang, win.navigator.languages ?? []);
    const catalogue = await loadCatalogue(lang, win.fetch.bind(win), log);
    root.textContent = "";
    render(h(ErrorScreen, { error, i18n: translator(lang, catalogue) }), root);
    return null;
  }
  session.begin();
  win.performance?.mark?.(INTERACTIVE_MARK);
  // The attempt, result and review screens load now, once the first screen is interactive, so they are
  // there before the learner can reach the assessment (a course without one never loads them).
  if (session.course.assessment) {
    loadScreens().catch(() => undefined); // a screen that needs it reports a failure
    assessmentHalf.load().catch(() => undefined); // Start loads it again (session.ts startAttempt)
  }
  // The state codec too, for the first change's write (the session waits for it, and reports a failure).
  stateCodec.load().catch(() => undefined);
  return session;
}
