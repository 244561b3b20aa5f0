// What the preview's LMS does and knows, apart from HTTP: launches (cmi5 and Tin Can through the local
// LMS/LRS, SCORM through the ScormStore and the host page), the LMS's view of the current learner, what it
// holds for a learner on a SCORM target, and the course described for the launch page. A package with
// several AUs / SCOs launches the one asked for, each with its own activity id / data model.
import { randomUUID } from "node:crypto";
import type { TargetId } from "../../runtime/course/types";
import { parseJsonBounded } from "../http/body";
import type { LocalLms } from "../lrs";
import type { PreviewLog } from "./event-log";
import type { LearnerBook } from "./learners";
import { cmi5Course, cmi5CourseView, lmsSatisfiedStatements, scormCourseView, tincanCourseView } from "./course-view";
import { checkLaunchRequest, LaunchRequestError } from "./launch-request";
import { launchActivityId } from "./lms-ids";
import { cmi5View, scormView } from "./lms-view";
import { tincanView } from "./tincan-view";
import type { LmsHolding } from "./lms-profiles/profile";
import { coverage, profileCovers, profileSummaries } from "./lms-profiles/registry";
import type { PreparedCourse } from "./prepare";
import type { CourseView, LaunchAnswer, LaunchRequest, LmsProfileId, LmsView, PreviewInfo, ScormMode } from "./protocol";
import { effectiveData, type ScormStore } from "./scorm-store";

/** What the LMS holds for a learner on a SCORM target, read with that learner's LMS behaviour. */
export interface LmsRecord extends LmsHolding {
  profile: LmsProfileId;
  target: TargetId;
  learnerId: string;
  /** Of the latest session ("" before any launch). */
  mode: ScormMode | "";
  credit: boolean;
  entry: string;
  suspendData: string;
  sessions: number;
}

export { launchActivityId } from "./lms-ids";

export interface PreviewLmsParts {
  course: PreparedCourse;
  lms: LocalLms;
  scorm: ScormStore;
  learners: LearnerBook;
  log: PreviewLog;
  /** The LMS behaviour of launches that name none. */
  defaultLms: LmsProfileId;
  /** Watch mode is on (the launch page follows /api/builds). */
  watching?: boolean;
}

export class PreviewLms {
  /** The target of the latest launch: its view follows every change. */
  currentTarget: TargetId | null = null;
  /** The AU / SCO last launched on each target (the view and lmsRecord read that one's data). */
  private readonly currentUnit = new Map<TargetId, string>();
  /** Satisfied statements the LMS recorded and the log already shows. */
  private readonly loggedSatisfied = new Set<string>();

  constructor(readonly parts: PreviewLmsParts) {}

  info(): PreviewInfo {
    const { course, learners, defaultLms } = this.parts;
    const first = course.packages.values().next().value;
    const cmi5 = course.packages.get("cmi5");
    return {
      title: course.title,
      targets: [...course.packages.keys()],
      masteryScore: (cmi5 ?? first)?.masteryScore ?? null,
      moveOn: cmi5?.moveOn ?? "NotApplicable",
      learnerId: learners.current().id,
      lms: defaultLms,
      profiles: profileSummaries(),
      watching: this.parts.watching ?? false,
      units: Object.fromEntries(
        [...course.packages].map(([target, pkg]) => [
          target,
          pkg.units.map((u) => ({ id: u.id, title: u.title, masteryScore: u.masteryScore, moveOn: u.moveOn })),
        ]),
      ),
    };
  }

  /** The unit whose data the view reads on `target`, when the package has several (else undefined: all of it). */
  private unitScope(target: TargetId): string | undefined {
    const pkg = this.parts.course.packages.get(target);
    if (!pkg || pkg.units.length < 2) return undefined;
    return this.currentUnit.get(target) ?? pkg.units[0]!.id;
  }

  /** POST /api/launch: a LaunchRequest (anything else throws LaunchRequestError); the frame opens on `packageOrigin`. */
  launch(body: LaunchRequest | unknown, packageOrigin: string): LaunchAnswer {
    const { course, lms, scorm, learners, log, defaultLms } = this.parts;
    const checked = checkLaunchRequest(body, course.packages);
    // A default the target is not covered by (`--lms moodle`, then a cmi5 launch) falls back to strict.
    const profile = checked.lms ?? (profileCovers(defaultLms, checked.target) ? defaultLms : "strict");
    const unit = checked.unit;
    const several = course.packages.get(checked.target)!.units.length > 1;
    const learner = checked.learner === "new" ? learners.next() : learners.current();
    this.currentTarget = checked.target;
    this.currentUnit.set(checked.target, unit.id);
    const which = several ? ` of ${checked.target === "cmi5" ? "AU" : checked.target === "xapi" ? "activity" : "SCO"} "${unit.title || unit.id}"` : "";
    let answer: LaunchAnswer;
    if (checked.target === "cmi5") {
      const facts = checked.cmi5;
      const launched = lms.launch({
        auUrl: `${packageOrigin}/pkg/cmi5/${unit.launchPath}`,
        activityId: launchActivityId(unit.id),
        publisherId: unit.id,
        actor: learner.actor,
        registration: learner.registration,
        launchMode: facts.launchMode,
        moveOn: facts.moveOn,
        masteryScore: facts.masteryScore === null ? undefined : facts.masteryScore / 100,
        returnURL: facts.returnURL === null ? null : new URL(facts.returnURL, packageOrigin).toString(),
        // A course of several AUs: the LMS records Satisfied for its blocks and itself (cmi5 §9.3.9).
        ...(several ? { course: cmi5Course(course.packages.get("cmi5")!) } : {}),
      });
      // The AU talks to its own (package) origin; the LRS behind it is reached through the proxy.
      const frame = new URL(launched.url);
      frame.searchParams.set("endpoint", `${packageOrigin}/xapi/`);
      frame.searchParams.set("fetch", launched.fetchUrl.replace(lms.origin, packageOrigin));
      answer = {
        sessionId: launched.sessionId,
        target: "cmi5",
        learnerId: learner.id,
        registration: launched.registration,
        unit: unit.id,
        frameUrl: frame.toString(),
      };
      log.add({
        level: "info",
        kind: "launch",
        target: "cmi5",
        sessionId: launched.sessionId,
        summary: `cmi5 launch${which} for ${learner.id} (registration ${launched.registration})`,
        detail: { facts, activityId: launched.activityId },
      });
      this.logSatisfied(learner.registration);
    } else if (checked.target === "xapi") {
      // Tin Can: the launch URL carries the credentials (auth) and the endpoint, on the package origin (the proxy reaches the LRS).
      const launched = lms.launchTincan({
        launchUrl: `${packageOrigin}/pkg/xapi/${unit.launchPath}`,
        activityId: unit.id,
        actor: learner.actor,
        registration: learner.registration,
        endpoint: `${packageOrigin}/xapi/`,
      });
      answer = {
        sessionId: launched.sessionId,
        target: "xapi",
        learnerId: learner.id,
        registration: launched.registration,
        unit: unit.id,
        frameUrl: launched.url,
      };
      log.add({
        level: "info",
        kind: "launch",
        target: "xapi",
        sessionId: launched.sessionId,
        summary: `Tin Can launch${which} for ${learner.id} (registration ${launched.registration}, activity_id ${launched.activityId})`,
        detail: { activityId: launched.activityId, actor: launched.actor },
      });
    } else {
      const id = randomUUID();
      const record = scorm.start({
        id,
        target: checked.target,
        learner: { id: learner.id, name: learner.name },
        facts: checked.scorm,
        profile,
        newAttempt: checked.newAttempt,
        unit: { id: unit.id, launchPath: unit.launchPath, objectives: unit.objectives },
      });
      answer = {
        sessionId: id,
        target: checked.target,
        learnerId: learner.id,
        registration: null,
        unit: unit.id,
        frameUrl: `${packageOrigin}/host/scorm.html?session=${id}`,
      };
      const entry = record.seedFlat["cmi.core.entry"] ?? record.seedFlat["cmi.entry"] ?? "";
      log.add({
        level: "info",
        kind: "launch",
        target: checked.target,
        sessionId: id,
        summary: `${checked.target} launch${which} for ${learner.id} (${profile}): attempt ${record.attempt}, ${record.mode}, ${record.credit ? "credit" : "no-credit"}, entry "${entry}" — ${record.launchNote}`,
        detail: { lms: profile, newAttempt: checked.newAttempt, facts: checked.scorm, seed: record.seedFlat },
      });
    }
    if (checked.lms === null && profile !== defaultLms) {
      log.add({
        level: "info",
        kind: "note",
        target: checked.target,
        sessionId: answer.sessionId,
        summary: `${coverage(defaultLms)}: this ${checked.target} launch behaves as strict`,
      });
    }
    log.view(this.view(checked.target));
    return answer;
  }

  /** The LMS's view of the current learner on `target`. */
  view(target: TargetId): LmsView {
    const { lms, scorm } = this.parts;
    const learner = this.parts.learners.current();
    const unit = this.unitScope(target);
    if (target === "xapi") {
      const pkg = this.parts.course.packages.get("xapi");
      const activity = unit ?? pkg?.units[0]?.id ?? "";
      return withCourse(
        withUnit(tincanView(learner.id, learner.registration, lms.statements({ registration: learner.registration }), lms.violations, activity), unit),
        unit === undefined ? null : this.courseView(target),
      );
    }
    if (target !== "cmi5")
      return withCourse(
        withUnit(scormView(target, learner.id, scorm.sessions(learner.id, target, unit), scorm.holding(learner.id, target, unit)), unit),
        unit === undefined ? null : this.courseView(target),
      );
    // Several AUs share the registration (cmi5 §5.1.1): the view reads the sessions of the AU launched.
    const ofUnit = (sessionId: unknown) => unit === undefined || lms.session(String(sessionId))?.info.activityId === launchActivityId(unit);
    const satisfied = new Set(lmsSatisfiedStatements(lms.statements({ registration: learner.registration })).map((s) => s.id));
    const statements = lms
      .statements({ registration: learner.registration })
      .filter((s) => !satisfied.has(s.id)) // the LMS's own, about a block or the course: in the course view
      .filter((s) => ofUnit((s.context?.extensions ?? {})["https://w3id.org/xapi/cmi5/context/extensions/sessionid"]));
    const sessionIds = [
      ...new Set(
        statements
          .map((s) => (s.context?.extensions ?? {})["https://w3id.org/xapi/cmi5/context/extensions/sessionid"])
          .filter((id): id is string => typeof id === "string"),
      ),
    ];
    return withCourse(
      withUnit(cmi5View(learner.id, learner.registration, statements, lms.violations, sessionIds), unit),
      unit === undefined ? null : this.courseView(target),
    );
  }

  /** Each unit's result and the course-level rollup for the current learner on `target` (GET /api/course). */
  courseView(target: TargetId): CourseView {
    const pkg = this.parts.course.packages.get(target);
    if (!pkg) throw new LaunchRequestError(`target: this preview has no ${target} package`);
    const learner = this.parts.learners.current();
    if (target === "cmi5") return cmi5CourseView(pkg, learner, this.parts.lms);
    if (target === "xapi") return tincanCourseView(pkg, learner, this.parts.lms);
    return scormCourseView(pkg, learner.id, this.parts.scorm);
  }

  /** The Satisfied statements the LMS recorded in `registration` that the log does not show yet. */
  private logSatisfied(registration: string): void {
    for (const statement of lmsSatisfiedStatements(this.parts.lms.statements({ registration }))) {
      if (this.loggedSatisfied.has(statement.id!)) continue;
      this.loggedSatisfied.add(statement.id!);
      const object = statement.object as { id: string; definition?: { type?: string; name?: Record<string, string> } };
      const kind = object.definition?.type?.endsWith("/course") ? "course" : "block";
      this.parts.log.add({
        level: "info",
        kind: "statement",
        target: "cmi5",
        sessionId: String(statement.context?.extensions?.["https://w3id.org/xapi/cmi5/context/extensions/sessionid"] ?? ""),
        summary: `LMS: Satisfied — the learner met every AU's moveOn in the ${kind} "${object.definition?.name?.["en-US"] ?? object.id}" (cmi5 §9.3.9)`,
        detail: statement,
      });
    }
  }

  /** Refreshes the launch page's view when `target` is the one launched. */
  changed(target: TargetId): void {
    if (target === "cmi5") this.logSatisfied(this.parts.learners.current().registration);
    if (this.currentTarget === target) this.parts.log.view(this.view(target));
  }

  /** `unit`: the SCO whose data to read (default: the one launched last, when the package has several). */
  lmsRecord(target: Exclude<TargetId, "cmi5" | "xapi">, learnerId = this.parts.learners.current().id, unit = this.unitScope(target)): LmsRecord {
    const { scorm, defaultLms } = this.parts;
    const latest = scorm.latest(learnerId, target, unit);
    const data = latest ? effectiveData(latest) : {};
    return {
      ...scorm.holding(learnerId, target, unit),
      profile: latest?.profile ?? defaultLms,
      target,
      learnerId,
      mode: latest?.mode ?? "",
      credit: latest?.credit ?? false,
      entry: latest ? (latest.seedFlat["cmi.core.entry"] ?? latest.seedFlat["cmi.entry"] ?? "") : "",
      suspendData: data["cmi.suspend_data"] ?? "",
      sessions: scorm.sessions(learnerId, target, unit).length,
    };
  }

  /** The package asked for one of its own files and it is not there (404): red in the log, as a broken course. */
  packageFileMissing(target: TargetId, path: string): void {
    this.parts.log.add({
      level: "error",
      kind: "request",
      target,
      sessionId: null,
      summary: `GET ${path} → 404: the package asks for a file it does not hold`,
      detail: { status: 404, path },
    });
  }

  /** Ids of a statement body the LRS already holds (their re-send is a retry, not news). */
  knownStatementIds(body: Buffer): Set<string> {
    const known = new Set<string>();
    if (body.length === 0) return known;
    const parsed = parseJsonBounded(body.toString("utf8"));
    if (!parsed.ok) return known; // the LRS answers 400 and the log shows it
    const ids = (Array.isArray(parsed.value) ? parsed.value : [parsed.value])
      .map((s) => (s as { id?: unknown })?.id)
      .filter((id): id is string => typeof id === "string");
    const stored = new Set(this.parts.lms.statements().map((s) => s.id));
    for (const id of ids) if (stored.has(id)) known.add(id);
    return known;
  }
}

/** The view of a package with several units carries each one's result and the course rollup. */
function withCourse(view: LmsView, course: CourseView | null): LmsView {
  return course === null ? view : { ...view, course };
}

/** The view of one AU / SCO of several names it. */
function withUnit(view: LmsView, unit: string | undefined): LmsView {
  return unit === undefined ? view : { ...view, facts: { Unit: unit, ...view.facts } };
}
