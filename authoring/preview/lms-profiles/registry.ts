// The preview's LMS behaviours by id (strict, moodle, ilias) and which targets each covers.
import type { TargetId } from "../../../runtime/course/types";
import type { LmsProfileId, PreviewInfo } from "../protocol";
import { iliasProfile } from "./ilias";
import { moodleProfile } from "./moodle";
import type { LmsProfile } from "./profile";
import { strictProfile } from "./strict";

export const LMS_PROFILES: Readonly<Record<LmsProfileId, LmsProfile>> = { strict: strictProfile, moodle: moodleProfile, ilias: iliasProfile };

export function lmsProfile(id: LmsProfileId): LmsProfile {
  return LMS_PROFILES[id];
}

export function profileCovers(id: LmsProfileId, target: TargetId): boolean {
  return LMS_PROFILES[id].targets.includes(target);
}

const TARGET_NAMES: Record<TargetId, string> = {
  cmi5: "cmi5",
  scorm12: "SCORM 1.2",
  "scorm2004-3": "SCORM 2004 3rd edition",
  "scorm2004-4": "SCORM 2004 4th edition",
  xapi: "xAPI (Tin Can)",
};

/** "moodle covers SCORM 1.2, SCORM 2004 3rd edition, SCORM 2004 4th edition" */
export function coverage(id: LmsProfileId): string {
  return `${id} covers ${LMS_PROFILES[id].targets.map((t) => TARGET_NAMES[t]).join(", ")}`;
}

export function profileSummaries(): PreviewInfo["profiles"] {
  return Object.values(LMS_PROFILES).map((p) => ({ id: p.id, label: p.label, targets: [...p.targets] }));
}
