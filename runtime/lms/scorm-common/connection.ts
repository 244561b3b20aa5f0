// One open session with an LMS API, 1.2 or 2004 behind the same small surface. It normalises the
// answers (docs/rules/lms.md §2: "false" with error code 0 is not an error; only a non-zero code is),
// notices an API that vanished (its window closed: calls throw or the methods are gone), and
// refuses to call anything once Finish/Terminate was called.
import type { Scorm12Api, Scorm2004Api, ScormAnswer } from "./api-types";

export interface CallResult {
  ok: boolean;
  /** LMS error code; 0 when ok; -1 when the API is gone or the session is closed. */
  errorCode: number;
  value: string;
  /** For logs: the LMS's error string and diagnostic. */
  detail: string;
}

interface Methods {
  initialize(): ScormAnswer;
  finish(): ScormAnswer;
  get(element: string): ScormAnswer;
  set(element: string, value: string): ScormAnswer;
  commit(): ScormAnswer;
  lastError(): ScormAnswer;
  errorString(code: string): ScormAnswer;
  diagnostic(code: string): ScormAnswer;
}

function methods12(api: Scorm12Api): Methods {
  return {
    initialize: () => api.LMSInitialize(""),
    finish: () => api.LMSFinish(""),
    get: (element) => api.LMSGetValue(element),
    set: (element, value) => api.LMSSetValue(element, value),
    commit: () => api.LMSCommit(""),
    lastError: () => api.LMSGetLastError(),
    errorString: (code) => api.LMSGetErrorString(code),
    diagnostic: (code) => api.LMSGetDiagnostic(code),
  };
}

function methods2004(api: Scorm2004Api): Methods {
  return {
    initialize: () => api.Initialize(""),
    finish: () => api.Terminate(""),
    get: (element) => api.GetValue(element),
    set: (element, value) => api.SetValue(element, value),
    commit: () => api.Commit(""),
    lastError: () => api.GetLastError(),
    errorString: (code) => api.GetErrorString(code),
    diagnostic: (code) => api.GetDiagnostic(code),
  };
}

const GONE: CallResult = { ok: false, errorCode: -1, value: "", detail: "the LMS API is no longer reachable" };
const CLOSED: CallResult = { ok: false, errorCode: -1, value: "", detail: "the session was already finished" };

export class ScormConnection {
  private readonly calls_: Methods;
  private finished_ = false;
  private gone_ = false;

  private constructor(calls: Methods) {
    this.calls_ = calls;
  }

  static scorm12(api: Scorm12Api): ScormConnection {
    return new ScormConnection(methods12(api));
  }

  static scorm2004(api: Scorm2004Api): ScormConnection {
    return new ScormConnection(methods2004(api));
  }

  /** The API threw or lost its methods: its window is gone. */
  get apiGone(): boolean {
    return this.gone_;
  }

  /** The LMS window is gone (the API is no longer reachable from ours): stop calling it. */
  markGone(): void {
    this.gone_ = true;
  }

  /** Finish/Terminate was called: nothing else will be. */
  get isFinished(): boolean {
    return this.finished_;
  }

  initialize(): CallResult {
    return this.call_(() => this.calls_.initialize(), "Initialize", true);
  }

  getValue(element: string): CallResult {
    return this.call_(() => this.calls_.get(element), `GetValue(${element})`);
  }

  setValue(element: string, value: string): CallResult {
    return this.call_(() => this.calls_.set(element, value), `SetValue(${element})`, true);
  }

  commit(): CallResult {
    return this.call_(() => this.calls_.commit(), "Commit", true);
  }

  /** Finish/Terminate. After this, every call is refused without touching the API. */
  finish(): CallResult {
    const result = this.call_(() => this.calls_.finish(), "Finish", true);
    this.finished_ = true;
    return result;
  }

  /**
   * `trueMeansOk`: for Initialize/SetValue/Commit/Finish, an answer "true" needs no error lookup
   * (so a successful Finish is the session's last call); "false" is checked against GetLastError.
   */
  private call_(invoke: () => ScormAnswer, what: string, trueMeansOk = false): CallResult {
    if (this.finished_) return CLOSED;
    if (this.gone_) return GONE;
    let answer: ScormAnswer;
    let code: number;
    try {
      answer = invoke();
      code = trueMeansOk && String(answer) === "true" ? 0 : Number(String(this.calls_.lastError() ?? "0")) || 0;
    } catch (error) {
      this.gone_ = true;
      return { ...GONE, detail: `${what}: ${error instanceof Error ? error.message : String(error)}` };
    }
    const value = answer === null || answer === undefined ? "" : String(answer);
    if (code === 0) return { ok: true, errorCode: 0, value, detail: "" };
    return { ok: false, errorCode: code, value, detail: `${what}: error ${code} ${this.describe_(code)}`.trim() };
  }

  private describe_(code: number): string {
    try {
      const text = String(this.calls_.errorString(String(code)) ?? "");
      const diagnostic = String(this.calls_.diagnostic(String(code)) ?? "");
      return diagnostic && diagnostic !== text ? `${text} (${diagnostic})` : text;
    } catch {
      return "";
    }
  }
}
