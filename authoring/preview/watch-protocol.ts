// What the preview in watch mode tells its launch page about rebuilds (GET /api/builds, Server-Sent
// Events, one "build" event per change of state). Plain data: imported by Node and browser code.
import type { TargetId } from "../../runtime/course/types";

export type BuildState = "building" | "built" | "failed";

/**
 * Why a build ran: "start" — the build `passmark preview` made before listening; "save" — a change
 * in the course folder (the launch page relaunches the course it shows); "launch" — a target that
 * was out of date, built just before its launch (no relaunch: the launch is under way).
 */
export type BuildCause = "start" | "save" | "launch";

export interface BuildStatus {
  /** 0 for the build at start, then one more for every build begun. */
  seq: number;
  state: BuildState;
  cause: BuildCause;
  /** The targets this build makes (the one being previewed, on a save). */
  targets: TargetId[];
  /** The course title of the latest good build. */
  title: string;
  /** A failed build's problems, one readable line each ("course.json /pages/1/title: …"). */
  problems: string[];
  /** The latest good build's warnings. */
  warnings: string[];
  /**
   * What the relaunched learner's saved state loses with this build's changes (empty for text edits:
   * the place, pages seen and attempts are all kept). docs/preview.md "Watch mode".
   */
  resets: string[];
  /** How long the build took (0 while building). */
  ms: number;
  /** When this state began (ISO 8601). */
  at: string;
}
