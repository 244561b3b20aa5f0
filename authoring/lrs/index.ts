// The local LMS + LRS for tests, `passmark preview` and the end-to-end suite.
export { normalisedTarget, startLocalLms, type LocalLms, type LocalLmsOptions, type RequestLogEntry } from "./server";
export { DEFAULT_ACTOR, type Cmi5Launch, type LaunchOptions } from "./launch";
export type { TincanLaunch, TincanLaunchOptions } from "./tincan-launch";
export { checkCmi5Statement, sessionIdOf, type Cmi5SessionInfo, type RuleViolation } from "./cmi5-rules";
export type { FaultAction, FaultPlan } from "./faults";
export type { ViolationRecord, LmsSession } from "./store";
