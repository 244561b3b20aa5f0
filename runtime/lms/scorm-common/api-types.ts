// The LMS-side API objects a SCO finds on a window (docs/rules/lms.md §2). Every call returns a string
// on a conforming LMS; real ones sometimes return booleans or numbers, so callers go through
// ScormConnection, which normalises the answers.

export type ScormAnswer = string | boolean | number | null | undefined;

/** SCORM 1.2 `window.API`. */
export interface Scorm12Api {
  LMSInitialize(arg: ""): ScormAnswer;
  LMSFinish(arg: ""): ScormAnswer;
  LMSGetValue(element: string): ScormAnswer;
  LMSSetValue(element: string, value: string): ScormAnswer;
  LMSCommit(arg: ""): ScormAnswer;
  LMSGetLastError(): ScormAnswer;
  LMSGetErrorString(code: string): ScormAnswer;
  LMSGetDiagnostic(code: string): ScormAnswer;
}

/** SCORM 2004 `window.API_1484_11`. */
export interface Scorm2004Api {
  Initialize(arg: ""): ScormAnswer;
  Terminate(arg: ""): ScormAnswer;
  GetValue(element: string): ScormAnswer;
  SetValue(element: string, value: string): ScormAnswer;
  Commit(arg: ""): ScormAnswer;
  GetLastError(): ScormAnswer;
  GetErrorString(code: string): ScormAnswer;
  GetDiagnostic(code: string): ScormAnswer;
}

function hasFunctions(candidate: unknown, names: readonly string[]): boolean {
  if (candidate === null || (typeof candidate !== "object" && typeof candidate !== "function")) return false;
  const record = candidate as Record<string, unknown>;
  return names.every((name) => typeof record[name] === "function");
}

export function isScorm12Api(candidate: unknown): candidate is Scorm12Api {
  return hasFunctions(candidate, ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSGetLastError"]);
}

export function isScorm2004Api(candidate: unknown): candidate is Scorm2004Api {
  return hasFunctions(candidate, ["Initialize", "Terminate", "GetValue", "SetValue", "Commit", "GetLastError"]);
}
