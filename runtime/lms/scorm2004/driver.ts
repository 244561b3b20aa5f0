// SCORM 2004 SCO driver: LmsDriver over `window.API_1484_11` (SCORM 2004 RTE, docs/rules/lms.md, docs/rules/reporting.md "SCORM 2004").
import type { ReportingOptions } from "../../course/types";
import { findScorm2004Api, type WindowLike } from "../api-discovery";
import type { Logger } from "../ports";
import type { Scorm2004Api } from "../scorm-common/api-types";
import { ScormConnection } from "../scorm-common/connection";
import { ScormDriver, type ScormDriverOptions } from "../scorm-common/scorm-driver";
import { Scorm2004DataModel } from "./data-model";

export type Scorm2004DriverOptions = Omit<ScormDriverOptions, "interactions">;

/** `reporting` null: the course's options come later, to withReporting() (the driver can launch() before the course is loaded). */
export function createScorm2004Driver(api: Scorm2004Api, reporting: ReportingOptions | null, options: Scorm2004DriverOptions = {}): ScormDriver {
  const model = new Scorm2004DataModel();
  return new ScormDriver(model, ScormConnection.scorm2004(api), { ...options, ...(reporting ? { interactions: reporting.interactions } : {}) });
}

/**
 * The driver as the runtime uses it, logging to boot's logger: at each checkpoint it checks that an
 * API is still reachable from `win` (an LMS window that was closed). Page hide reaches it through
 * pageHidden(). `reporting` null: given later to withReporting() (runtime/app/driver-factory.ts).
 */
export function createScorm2004DriverForWindow(api: Scorm2004Api, reporting: ReportingOptions | null, win: WindowLike, logger?: Logger): ScormDriver {
  return createScorm2004Driver(api, reporting, { apiReachable: () => findScorm2004Api(win) !== null, logger });
}
