// `passmark preview`: a local LMS for authors, on 127.0.0.1 only, on two origins (two ports) whose
// route tables are in site-routes.ts: the launch page and the preview API on one, the packages, the
// SCORM host page and xAPI for the course (forwarded to the local LMS/LRS of authoring/lrs) on the
// other — so a package's script is never same-origin with the preview API. Every statement, refusal,
// document write and SCORM call goes to the live log; the LMS data lives in the working folder so a
// relaunch resumes. What the LMS does apart from HTTP is preview-lms.ts; watch mode (a course
// folder rebuilt on every save) is watch-builds.ts.
import { mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { TargetId } from "../../runtime/course/types";
import { listen, type Listening } from "../http/listen";
import { routeTable } from "../http/route-table";
import { startLocalLms, type LocalLms } from "../lrs";
import { loadAssets } from "./assets";
import { PreviewLog } from "./event-log";
import { LearnerBook } from "./learners";
import { PreviewLms, type LmsRecord } from "./preview-lms";
import { prepareCourse, type PreparedCourse } from "./prepare";
import type { CourseView, LaunchAnswer, LaunchRequest, LmsProfileId, LmsView } from "./protocol";
import { ScormStore } from "./scorm-store";
import { loopbackGuard, packageRoutes, previewRoutes, type PreviewPorts } from "./site-routes";
import type { ZipLimits } from "../validate/zip-reader";
import { isInside } from "../watch/tree-watcher";
import { PreviewBuilds } from "./watch-builds";

export { launchActivityId, type LmsRecord } from "./preview-lms";

export interface PreviewOptions {
  /** Course folder or package zip. */
  source: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default: see prepareCourse. */
  workDir?: string;
  /** LMS behaviour of launches that do not name one (default "strict"). */
  lms?: LmsProfileId;
  /** What unpacking a zip may cost (default DEFAULT_ZIP_LIMITS). */
  zipLimits?: ZipLimits;
  /** Watch mode (a course folder only): rebuild on every save (watch-builds.ts). Default false. */
  watch?: boolean;
  /** Watch mode: quiet time after a save before the rebuild (default: tree-watcher.ts's). */
  watchDebounceMs?: number;
}

export interface PreviewServer {
  /** The launch page and the preview API (/api/*). */
  readonly origin: string;
  readonly port: number;
  /**
   * Package files, the SCORM host page next to its SCO, and xAPI for the course: another port, so a
   * package's script is never same-origin with the preview API (docs/preview.md "Two origins").
   */
  readonly packageOrigin: string;
  readonly packagePort: number;
  readonly course: PreparedCourse;
  readonly lms: LocalLms;
  readonly scorm: ScormStore;
  readonly log: PreviewLog;
  readonly learners: LearnerBook;
  /** The LMS behaviour of launches that name none. */
  readonly defaultLms: LmsProfileId;
  /** Watch mode's rebuilds; null when not watching (a zip, or watch off). */
  readonly builds: PreviewBuilds | null;
  /** What POST /api/launch does (a LaunchRequest; anything else is refused with LaunchRequestError). */
  launch(request: LaunchRequest | unknown): LaunchAnswer;
  /** The LMS's view of the current learner on `target`. */
  view(target: TargetId): LmsView;
  /** Each AU / SCO's result and the course-level rollup for the current learner on `target` (GET /api/course?target=). */
  courseView(target: TargetId): CourseView;
  /** What the LMS holds for a learner (default: the current one) on a SCORM target. */
  lmsRecord(target: Exclude<TargetId, "cmi5" | "xapi">, learnerId?: string): LmsRecord;
  close(): Promise<void>;
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const course = await prepareCourse(options.source, {
    ...(options.workDir ? { workDir: options.workDir } : {}),
    ...(options.zipLimits ? { zipLimits: options.zipLimits } : {}),
  });
  mkdirSync(course.workDir, { recursive: true });
  const assets = await loadAssets();
  const lms = await startLocalLms({ persistFile: join(course.workDir, "preview-lrs.json"), strict: true });
  const scorm = new ScormStore(join(course.workDir, "preview-scorm.json"));
  const learners = new LearnerBook(join(course.workDir, "preview-learners.json"));
  const log = new PreviewLog();
  const watching = options.watch === true && statSync(course.source).isDirectory();
  const previewLms = new PreviewLms({ course, lms, scorm, learners, log, defaultLms: options.lms ?? "strict", watching });
  const builds = watching
    ? new PreviewBuilds({
        course,
        log,
        previewed: () => previewLms.currentTarget,
        ignore: (path) => isInside(course.workDir, path),
        ...(options.watchDebounceMs === undefined ? {} : { debounceMs: options.watchDebounceMs }),
      })
    : null;
  const ports: PreviewPorts = { preview: 0, package: 0 };
  const site = { lms: previewLms, assets, ports, builds };
  const sites: Listening[] = [];
  try {
    sites.push(await listen(routeTable(packageRoutes(site), { guard: loopbackGuard(() => ports.package) })));
    ports.package = sites[0]!.port;
    sites.push(await listen(routeTable(previewRoutes(site), { guard: loopbackGuard(() => ports.preview) }), { port: options.port ?? 0 }));
    ports.preview = sites[1]!.port;
  } catch (error) {
    for (const listening of sites) await listening.close();
    await lms.close();
    throw error;
  }
  const [packageSite, previewSite] = sites as [Listening, Listening];
  builds?.watch((message) => log.add({ level: "warn", kind: "note", target: null, sessionId: null, summary: `watch: ${message}` }));
  return {
    origin: previewSite.url,
    port: ports.preview,
    packageOrigin: packageSite.url,
    packagePort: ports.package,
    course,
    lms,
    scorm,
    log,
    learners,
    defaultLms: previewLms.parts.defaultLms,
    builds,
    launch: (request) => previewLms.launch(request, packageSite.url),
    view: (target) => previewLms.view(target),
    courseView: (target) => previewLms.courseView(target),
    lmsRecord: (target, learnerId) => previewLms.lmsRecord(target, learnerId),
    close: async () => {
      await builds?.close();
      log.closeAll();
      for (const listening of [previewSite, packageSite]) await listening.close();
      await lms.close();
    },
  };
}
