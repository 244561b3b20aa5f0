// Wraps scorm-again's API object so that every call the SCO makes is logged, and flags what real
// LMSs refuse although scorm-again lets it through (docs/rules/lms.md §6): 1.2 suspend_data over 4096
// characters, 1.2 cmi.core.exit "normal", and any call after LMSFinish / Terminate but the error
// calls (support methods a SCO may call at any time: SCORM 2004 RTE §3.1.4.3, SCORM 1.2 RTE 3.3). A rater's
// comment (docs/reporting.md "Rated tasks") gets a note of its own, so who rated is readable at a glance.
import { SCORM12_SUSPEND_DATA_MAX } from "../../../runtime/lms/scorm-common/suspend-data";
import type { HostEvent } from "../protocol";

export type ScormVersion = "1.2" | "2004";
type ApiMethod = (...args: string[]) => unknown;

const METHODS: Record<ScormVersion, readonly string[]> = {
  "1.2": ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic"],
  "2004": ["Initialize", "Terminate", "GetValue", "SetValue", "Commit", "GetLastError", "GetErrorString", "GetDiagnostic"],
};
const FINISH: Record<ScormVersion, string> = { "1.2": "LMSFinish", "2004": "Terminate" };
const SET: Record<ScormVersion, string> = { "1.2": "LMSSetValue", "2004": "SetValue" };
const ERROR_CALLS = new Set(["LMSGetLastError", "LMSGetErrorString", "LMSGetDiagnostic", "GetLastError", "GetErrorString", "GetDiagnostic"]);

export interface ApiLogOptions {
  version: ScormVersion;
  emit(event: HostEvent): void;
}

/** A window.API / window.API_1484_11 object forwarding to `api` and logging each call. */
export function loggedApi(api: Record<string, unknown>, options: ApiLogOptions): Record<string, ApiMethod> {
  const { version, emit } = options;
  let finished = false;
  const wrapper: Record<string, ApiMethod> = {};
  for (const name of METHODS[version]) {
    const target = api[name];
    if (typeof target !== "function") continue;
    wrapper[name] = (...args: string[]) => {
      if (finished && !ERROR_CALLS.has(name)) {
        emit({
          level: "error",
          kind: "scorm-flag",
          summary: `${name}(${args.map(quote).join(", ")}) after ${FINISH[version]}: a real LMS ignores it`,
          detail: { call: name, args },
        });
      }
      flagValue(name, args);
      const result = (target as ApiMethod).apply(api, args);
      const text = String(result);
      if (name === FINISH[version] && text === "true") finished = true;
      if (!ERROR_CALLS.has(name)) {
        const failed = !name.includes("GetValue") && text !== "true";
        const errorCode = failed ? String((api[version === "1.2" ? "LMSGetLastError" : "GetLastError"] as ApiMethod).call(api)) : "0";
        emit({
          level: failed ? "warn" : "info",
          kind: "scorm-call",
          summary: `${name}(${args.map(quote).join(", ")}) → ${quote(text)}${failed ? ` (error ${errorCode})` : ""}`,
          detail: { call: name, args: args.map(clip), result: clip(text), errorCode },
        });
      }
      if (text === "true") noteRaterComment(name, args);
      return result;
    };
  }
  return wrapper;

  /** 2004 cmi.comments_from_learner.n.comment, or the newest entry of 1.2 cmi.comments. */
  function noteRaterComment(name: string, args: string[]): void {
    if (name !== SET[version]) return;
    const [element = "", value = ""] = args;
    if (!/^cmi\.comments$|^cmi\.comments_from_learner\.\d+\.comment$/.test(element)) return;
    const markers = [...value.matchAll(/\[[^\]]*, attempt \d+\] /g)];
    const last = markers[markers.length - 1];
    if (last?.index === undefined) return;
    const entry = value.slice(last.index);
    emit({
      level: "info",
      kind: "note",
      summary: `rater comment in ${element}: ${entry.length > 300 ? `${entry.slice(0, 299)}…` : entry}`,
      detail: { element, entry: clip(entry) },
    });
  }

  function flagValue(name: string, args: string[]): void {
    if (name !== SET[version] || version !== "1.2") return;
    const [element, value = ""] = args;
    if (element === "cmi.suspend_data" && value.length > SCORM12_SUSPEND_DATA_MAX) {
      emit({
        level: "error",
        kind: "scorm-flag",
        summary: `cmi.suspend_data of ${value.length} characters: SCORM 1.2 LMSs keep at most ${SCORM12_SUSPEND_DATA_MAX}`,
        detail: { element, length: value.length },
      });
    }
    if (element === "cmi.core.exit" && value === "normal") {
      emit({
        level: "error",
        kind: "scorm-flag",
        summary: `cmi.core.exit "normal" is not a SCORM 1.2 value (use "" or "suspend")`,
        detail: { element, value },
      });
    }
  }
}

/** Long values (suspend_data) are kept short in the log; their length is what matters there. */
function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…(${text.length} characters)` : text;
}

function quote(text: string): string {
  const shown = text.length > 80 ? `${text.slice(0, 77)}…(${text.length})` : text;
  return JSON.stringify(shown);
}
