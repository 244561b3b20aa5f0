// cmi5 §10 LMS.LaunchData and §11 learner preferences, parsed and checked.
import { parseLmsMastery } from "../../assessment/mastery";
import { LaunchError } from "../launch-error";
import type { Context } from "../xapi/types";
import { LAUNCH_MODES, MOVE_ON_VALUES, type Cmi5LaunchMode, type Cmi5MoveOnValue } from "./launch-vocabulary";

export interface Cmi5LaunchData {
  /** Base of the context of every statement (cmi5 §10: add to it, never overwrite). */
  contextTemplate: Context;
  launchMode: Cmi5LaunchMode;
  moveOn: Cmi5MoveOnValue;
  /** The LMS value exactly as given (0..1), for the masteryscore extension; null when none/unusable. */
  masteryScore: number | null;
  /** The same on 0..100 (docs/rules/assessment.md §4), what the engine judges against. */
  masteryScorePercent: number | null;
  launchParameters: string | null;
  returnURL: string | null;
  warnings: string[];
}

export interface LearnerPreferences {
  languagePreference: string[];
  audioPreference: "on" | "off" | null;
}

export function parseLaunchData(body: unknown): Cmi5LaunchData {
  if (!isObject(body)) fail("LMS.LaunchData is not a JSON object");
  const template = body.contextTemplate;
  if (!isObject(template)) fail("LMS.LaunchData.contextTemplate is missing or not an object");
  const launchMode = body.launchMode;
  if (!LAUNCH_MODES.includes(launchMode as Cmi5LaunchMode)) {
    fail(`LMS.LaunchData.launchMode ${JSON.stringify(launchMode)} is not Normal, Browse or Review`);
  }
  const moveOn = body.moveOn;
  if (!MOVE_ON_VALUES.includes(moveOn as Cmi5MoveOnValue)) {
    fail(`LMS.LaunchData.moveOn ${JSON.stringify(moveOn)} is not a cmi5 moveOn value`);
  }
  const warnings: string[] = [];
  // cmi5 §10: masteryScore is a decimal 0..1; docs/rules/assessment.md §4: unusable = not given, with a warning.
  const mastery = parseLmsMastery(body.masteryScore, "fraction", "cmi5 LMS.LaunchData.masteryScore");
  if (mastery.warning) warnings.push(mastery.warning);
  const masteryScore = mastery.score === null ? null : Number(body.masteryScore);
  const returnURL = typeof body.returnURL === "string" && body.returnURL !== "" ? body.returnURL : null;
  const launchParameters = typeof body.launchParameters === "string" ? body.launchParameters : null;
  return {
    contextTemplate: template as Context,
    launchMode: launchMode as Cmi5LaunchMode,
    moveOn: moveOn as Cmi5MoveOnValue,
    masteryScore,
    masteryScorePercent: mastery.score,
    launchParameters,
    returnURL,
    warnings,
  };
}

/** cmi5 §11: `{languagePreference: "en-US,fr-FR", audioPreference: "on"|"off"}`; null body = 404 = none. */
export function parseLearnerPreferences(body: unknown): LearnerPreferences {
  if (!isObject(body)) return { languagePreference: [], audioPreference: null };
  const languages =
    typeof body.languagePreference === "string"
      ? body.languagePreference
          .split(",")
          .map((tag) => tag.trim())
          .filter((tag) => tag !== "")
      : [];
  const audio = body.audioPreference === "on" || body.audioPreference === "off" ? body.audioPreference : null;
  return { languagePreference: languages, audioPreference: audio };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(detail: string): never {
  throw new LaunchError("cmi5-launch-data", detail);
}
