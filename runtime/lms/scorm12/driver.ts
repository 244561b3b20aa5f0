// SCORM 1.2 SCO driver: LmsDriver over `window.API` (SCORM 1.2 RTE, docs/rules/lms.md, docs/rules/reporting.md "SCORM 1.2").
import type { ReportingOptions } from "../../course/types";
import { findScorm12Api, type WindowLike } from "../api-discovery";
import type { Logger } from "../ports";
import type { Scorm12Api } from "../scorm-common/api-types";
import { ScormConnection } from "../scorm-common/connection";
import { ScormDriver, type ScormDriverOptions } from "../scorm-common/scorm-driver";
import { Scorm12DataModel } from "./data-model";

export type Scorm12DriverOptions = Omit<ScormDriverOptions, "interactions">;

/** `reporting` null: the course's options come later, to withReporting() (the driver can launch() before the course is loaded). */
export function createScorm12Driver(api: Scorm12Api, reporting: ReportingOptions | null, options: Scorm12DriverOptions = {}): ScormDriver {
  const model = new Scorm12DataModel(reporting?.scorm12.statusMode ?? null);
  return new ScormDriver(model, ScormConnection.scorm12(api), { ...options, ...(reporting ? { interactions: reporting.interactions } : {}) });
}

/**
 * The driver as the runtime uses it, logging to boot's logger: at each checkpoint it checks that an
 * API is still reachable from `win` (an LMS window that was closed). Page hide reaches it through
 * pageHidden(). `reporting` null: given later to withReporting() (runtime/app/driver-factory.ts).
 */
export function createScorm12DriverForWindow(api: Scorm12Api, reporting: ReportingOptions | null, win: WindowLike, logger?: Logger): ScormDriver {
  return createScorm12Driver(api, reporting, { apiReachable: () => findScorm12Api(win) !== null, logger });
}
