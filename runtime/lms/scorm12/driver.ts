// SCORM 1.2 SCO driver: LmsDriver over `window.API` (SCORM 1.2 RTE, docs/rules/lms.md, docs/rules/reporting.md "SCORM 1.2").
import type { ReportingOptions } from "../../course/types";
import { findScorm12Api, type WindowLike } from "../api-discovery";
import type { LmsDriver } from "../driver";
import type { Logger } from "../ports";
import type { Scorm12Api } from "../scorm-common/api-types";
import { ScormConnection } from "../scorm-common/connection";
import { ScormDriver, type ScormDriverOptions } from "../scorm-common/scorm-driver";
import { Scorm12DataModel } from "./data-model";

export type Scorm12DriverOptions = Omit<ScormDriverOptions, "interactions">;

export function createScorm12Driver(api: Scorm12Api, reporting: ReportingOptions, options: Scorm12DriverOptions = {}): LmsDriver {
  const model = new Scorm12DataModel(reporting.scorm12.statusMode);
  return new ScormDriver(model, ScormConnection.scorm12(api), { ...options, interactions: reporting.interactions });
}

/**
 * The driver as the runtime uses it, logging to boot's logger: at each checkpoint it checks that an
 * API is still reachable from `win` (an LMS window that was closed). Page hide reaches it through
 * pageHidden().
 */
export function createScorm12DriverForWindow(api: Scorm12Api, reporting: ReportingOptions, win: WindowLike, logger?: Logger): LmsDriver {
  return createScorm12Driver(api, reporting, { apiReachable: () => findScorm12Api(win) !== null, logger });
}
