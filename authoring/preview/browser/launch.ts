// The launch page of `passmark preview`: the author picks the target and the LMS facts, launches,
// relaunches (a new session of the same learner / registration) or starts a new learner; picks the
// AU / SCO of a package with several and the device width the course frame shows. In watch mode a
// save relaunches the course shown, and a build error replaces it (build-follow.ts).
import type { Cmi5Facts, LaunchAnswer, LaunchRequest, LmsProfileId, PreviewInfo, ScormFacts, UnitSummary } from "../protocol";
import type { Cmi5MoveOn, TargetId } from "../../../runtime/course/types";
import { followBuilds } from "./build-follow";
import { deviceToggle } from "./device-toggle";
import { followLog } from "./log-panel";
import { unitPicker, type UnitPicker } from "./unit-picker";

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`launch page: #${id} is missing`);
  return element as T;
};

const TARGET_LABEL: Record<TargetId, string> = {
  cmi5: "cmi5",
  scorm12: "SCORM 1.2",
  "scorm2004-3": "SCORM 2004 3rd edition",
  "scorm2004-4": "SCORM 2004 4th edition",
  xapi: "xAPI (Tin Can)",
};

const form = byId<HTMLFormElement>("launch-form");
const frame = byId<HTMLIFrameElement>("course");
const message = byId<HTMLElement>("launch-message");
const targetSelect = byId<HTMLSelectElement>("target");
const lmsSelect = byId<HTMLSelectElement>("lms");
const newAttempt = byId<HTMLInputElement>("new-attempt");
let profiles: PreviewInfo["profiles"] = [];
/** The behaviour the author picked (or --lms); shown again when a target it covers is picked. */
let preferredLms: LmsProfileId = "strict";
let units: UnitPicker | null = null;
/** The latest launch, made again after a rebuild (watch mode): same target, learner and facts. */
let launched: LaunchRequest | null = null;

function value(id: string): string {
  return byId<HTMLInputElement | HTMLSelectElement>(id).value;
}

function readFacts(): { cmi5: Cmi5Facts; scorm: ScormFacts } {
  const noMastery = byId<HTMLInputElement>("mastery-none").checked;
  const masteryText = value("mastery");
  const masteryScore = noMastery || masteryText === "" ? null : Number(masteryText);
  return {
    cmi5: {
      masteryScore,
      launchMode: value("launch-mode") as Cmi5Facts["launchMode"],
      moveOn: value("move-on") as Cmi5MoveOn,
      returnURL: value("return-url") || null,
    },
    scorm: {
      masteryScore,
      credit: value("credit") === "credit",
      mode: value("scorm-mode") as ScormFacts["mode"],
      previousStatus: value("previous-status") as ScormFacts["previousStatus"],
      commitFailures: Number(value("commit-failures") || "0"),
    },
  };
}

/** The AU / SCO picker (hidden for a package with one unit); picking a unit shows its manifest facts. */
function setUpUnitPicker(info: PreviewInfo): UnitPicker {
  return unitPicker({
    field: byId("unit-field"),
    select: byId<HTMLSelectElement>("unit"),
    kind: byId("unit-kind"),
    units: info.units,
    picked: (unit: UnitSummary) => {
      byId<HTMLInputElement>("mastery").value = unit.masteryScore === null ? "" : String(unit.masteryScore);
      byId<HTMLInputElement>("mastery-none").checked = unit.masteryScore === null;
      byId<HTMLSelectElement>("move-on").value = unit.moveOn;
    },
  });
}

function showTargetFields(): void {
  units?.show(targetSelect.value as TargetId);
  const cmi5 = targetSelect.value === "cmi5";
  const tincan = targetSelect.value === "xapi"; // a Tin Can launch has no facts to set
  byId<HTMLFieldSetElement>("cmi5-facts").hidden = !cmi5;
  byId<HTMLFieldSetElement>("scorm-facts").hidden = cmi5 || tincan;
  // Each LMS behaviour covers some targets only (moodle: SCORM; ilias: SCORM 1.2): others fall back to strict.
  for (const option of Array.from(lmsSelect.options)) {
    const covers = profiles.find((p) => p.id === option.value)?.targets.includes(targetSelect.value as TargetId) ?? false;
    option.disabled = !covers;
  }
  const preferred = Array.from(lmsSelect.options).find((o) => o.value === preferredLms);
  lmsSelect.value = preferred && !preferred.disabled ? preferredLms : "strict";
  newAttempt.disabled = lmsSelect.value !== "moodle";
}

/** Unload the previous course first: its pagehide handlers send what they hold, as on a real close. */
function unloadCourse(): Promise<void> {
  if (!frame.src || frame.src === "about:blank") return Promise.resolve();
  return new Promise((resolve) => {
    frame.addEventListener("load", () => resolve(), { once: true });
    frame.src = "about:blank";
  });
}

async function launch(learner: LaunchRequest["learner"], again: LaunchRequest | null = null): Promise<void> {
  const request: LaunchRequest = again ?? {
    target: targetSelect.value as TargetId,
    learner,
    lms: lmsSelect.value as LmsProfileId,
    newAttempt: !newAttempt.disabled && newAttempt.checked,
    ...readFacts(),
    ...(units?.selected() ? { unit: units.selected()!.id } : {}),
  };
  message.textContent = "Launching…";
  await unloadCourse();
  const response = await fetch("/api/launch", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(request) });
  const answer = (await response.json()) as LaunchAnswer | { message: string };
  if (!response.ok || !("frameUrl" in answer)) {
    message.textContent = `Launch refused: ${"message" in answer ? answer.message : response.statusText}`;
    return;
  }
  launched = { ...request, learner: "current", newAttempt: false };
  byId<HTMLElement>("learner").textContent = answer.learnerId;
  const unit = byId("unit-field").hidden ? "" : ` · ${answer.target === "cmi5" ? "AU" : answer.target === "xapi" ? "activity" : "SCO"} ${answer.unit}`;
  message.textContent = `${TARGET_LABEL[answer.target]}${unit} · learner ${answer.learnerId}${answer.registration ? ` · registration ${answer.registration}` : ""} · session ${answer.sessionId}`;
  frame.src = answer.frameUrl;
  newAttempt.checked = false; // asked for one launch, as on Moodle's entry page
  byId<HTMLButtonElement>("relaunch").disabled = false;
  byId<HTMLButtonElement>("refuse-commits").disabled = answer.target === "cmi5" || answer.target === "xapi";
}

async function init(): Promise<void> {
  const info = (await (await fetch("/api/info")).json()) as PreviewInfo;
  byId<HTMLElement>("course-title").textContent = info.title;
  document.title = `${info.title} · passmark preview`;
  for (const target of info.targets) targetSelect.append(new Option(TARGET_LABEL[target], target));
  profiles = info.profiles;
  for (const profile of info.profiles) lmsSelect.append(new Option(profile.label, profile.id));
  preferredLms = info.lms;
  byId<HTMLInputElement>("mastery").value = info.masteryScore === null ? "" : String(info.masteryScore);
  byId<HTMLInputElement>("mastery-none").checked = info.masteryScore === null;
  byId<HTMLSelectElement>("move-on").value = info.moveOn;
  byId<HTMLElement>("learner").textContent = info.learnerId;
  units = setUpUnitPicker(info);
  deviceToggle(byId("device"), byId("stage"));
  showTargetFields();
  targetSelect.addEventListener("change", showTargetFields);
  lmsSelect.addEventListener("change", () => {
    preferredLms = lmsSelect.value as LmsProfileId;
    showTargetFields();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void launch("current");
  });
  byId<HTMLButtonElement>("relaunch").addEventListener("click", () => void launch("current"));
  byId<HTMLButtonElement>("new-learner").addEventListener("click", () => void launch("new"));
  byId<HTMLButtonElement>("refuse-commits").addEventListener("click", () => {
    // The course frame is on the package origin (docs/preview.md "Two origins").
    frame.contentWindow?.postMessage({ type: "passmark-refuse-commits", count: Number(value("commit-failures") || "3") }, new URL(frame.src).origin);
  });
  followLog(byId("log"), byId("lms-view"));
  if (info.watching) {
    followBuilds(byId("build-problems"), {
      rebuilt: async (status) => {
        byId<HTMLElement>("course-title").textContent = status.title;
        if (!launched) return;
        await launch("current", launched);
        if (status.resets.length > 0) message.textContent += ` · relaunched after a change: ${status.resets.join("; ")}`;
      },
      failed: () => void unloadCourse(),
      say: (text) => (message.textContent = text),
    });
  }
}

init().catch((error: unknown) => {
  message.textContent = `The preview could not start: ${error instanceof Error ? error.message : String(error)}`;
});
