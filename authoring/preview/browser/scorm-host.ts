// The SCORM host page of `passmark preview`: plays the LMS with scorm-again (docs/rules/lms.md §6).
// Loads the session's config, loads scorm-again's classic build, seeds it with the chosen LMS facts,
// puts it on window.API / window.API_1484_11 (wrapped so every call is logged and flagged), then
// frames the SCO. Commits go to the preview server, which keeps the data model between launches;
// the first N commits can be refused with "false" / 391 to simulate a struggling LMS. Each commit also
// says what the SCO itself last wrote to the status elements, for LMS behaviours that keep the SCO's
// value where scorm-again recomputes it (2004 success_status from cmi.scaled_passing_score).
import type { HostEvent, ScormCommit, ScormSessionConfig } from "../protocol";
import { loggedApi } from "./scorm-api-log";

interface ResultObject {
  result: string;
  errorCode: number;
}
interface HttpService {
  processHttpRequest(url: string, params: unknown, immediate: boolean): ResultObject;
  updateSettings(): void;
}
interface ScormAgainApi {
  loadFromJSON(json: Record<string, unknown>, element: string): void;
  renderCommitCMI(terminate: boolean): Record<string, unknown>;
}
type ScormAgainClass = new (settings: Record<string, unknown>) => ScormAgainApi;
interface HostWindow extends Window {
  Scorm12API?: ScormAgainClass;
  Scorm2004API?: ScormAgainClass;
  API?: unknown;
  API_1484_11?: unknown;
  passmarkHost?: { refuseCommits(count: number): void; lms(): ScormAgainApi };
}

const win = window as HostWindow;
/** Status elements whose SCO-written value goes with each commit (ScormCommit.scoWrote). */
const STATUS_ELEMENTS: ReadonlySet<string> = new Set(["cmi.core.lesson_status", "cmi.completion_status", "cmi.success_status"]);
const status = document.getElementById("host-status");

function show(text: string): void {
  if (status) status.textContent = text;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

/** Browsers cap keepalive bodies in flight at 64 KiB: stay below with headroom. */
const KEEPALIVE_BUDGET = 48 * 1024;

/** Events go to the server in small batches; on page hide what is left goes with keepalive. */
function eventSender(sessionId: string): (event: HostEvent) => void {
  let queue: HostEvent[] = [];
  let timer: number | null = null;
  const post = (events: HostEvent[], keepalive: boolean) =>
    fetch("/api/scorm/events", {
      method: "POST",
      keepalive,
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sessionId, events }),
    }).catch(() => undefined);
  const flush = (keepalive: boolean) => {
    if (timer !== null) window.clearTimeout(timer);
    timer = null;
    const events = queue;
    queue = [];
    if (!keepalive) {
      if (events.length > 0) void post(events, false);
      return;
    }
    let batch: HostEvent[] = [];
    let size = 0;
    let total = 0;
    for (const event of events) {
      const bytes = JSON.stringify(event).length;
      total += bytes;
      if (total > KEEPALIVE_BUDGET) break; // the rest of the log is lost with the page; commits travel on their own
      if (size + bytes > KEEPALIVE_BUDGET / 4 && batch.length > 0) {
        void post(batch, true);
        batch = [];
        size = 0;
      }
      batch.push(event);
      size += bytes;
    }
    if (batch.length > 0) void post(batch, true);
  };
  window.addEventListener("pagehide", () => flush(true));
  return (event) => {
    queue.push(event);
    if (queue.length >= 40) flush(false);
    else if (timer === null) timer = window.setTimeout(() => flush(false), 50);
  };
}

/**
 * Store a commit with the preview server before answering the SCO, like an LMS whose Commit returns
 * once the data is saved (synchronous request). While the page is being closed browsers forbid
 * synchronous requests: then the commit travels with fetch keepalive and the answer is "true".
 */
function persist(commit: ScormCommit): boolean {
  const body = JSON.stringify(commit);
  try {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/scorm/commit", false);
    request.setRequestHeader("Content-Type", "application/json");
    request.send(body);
    return request.status === 200;
  } catch {
    void fetch("/api/scorm/commit", { method: "POST", keepalive: true, headers: { "Content-Type": "application/json" }, body });
    return true;
  }
}

async function start(): Promise<void> {
  const sessionId = new URLSearchParams(location.search).get("session") ?? "";
  const response = await fetch(`/api/scorm/session/${encodeURIComponent(sessionId)}`);
  if (!response.ok) throw new Error(`no preview session ${sessionId} (${response.status})`);
  const config = (await response.json()) as ScormSessionConfig;
  const emit = eventSender(sessionId);
  await loadScript(config.version === "1.2" ? "/vendor/scorm12.js" : "/vendor/scorm2004.js");
  const Api = config.version === "1.2" ? win.Scorm12API : win.Scorm2004API;
  if (!Api) throw new Error("scorm-again did not load");

  let refusals = config.commitFailures;
  let seq = 0;
  const scoWrote: Record<string, string> = {};
  let lms: ScormAgainApi | null = null;
  const httpService: HttpService = {
    processHttpRequest(_url, params, immediate) {
      if (refusals > 0) {
        refusals -= 1;
        emit({
          level: "warn",
          kind: "scorm-commit",
          summary: `LMS refused the commit: "false", error 391 (simulated; ${refusals} more to refuse)`,
          detail: { terminate: immediate },
        });
        return { result: "false", errorCode: 391 };
      }
      const commit: ScormCommit = { sessionId, seq: ++seq, terminate: immediate, data: (params ?? {}) as Record<string, unknown>, scoWrote: { ...scoWrote } };
      return persist(commit) ? { result: "true", errorCode: 0 } : { result: "false", errorCode: 391 };
    },
    updateSettings() {},
  };
  const settings: Record<string, unknown> = { autocommit: false, lmsCommitUrl: "/api/scorm/commit", httpService, logLevel: 5 };
  // docs/rules/lms.md §6: any settings object without mastery_override turns the 1.2 override ON.
  if (config.version === "1.2") settings.mastery_override = false;
  lms = new Api(settings);
  lms.loadFromJSON(config.seed, "");
  const api = loggedApi(lms as unknown as Record<string, unknown>, { version: config.version, emit });
  const setName = config.version === "1.2" ? "LMSSetValue" : "SetValue";
  const set = api[setName];
  if (set) {
    api[setName] = (element = "", value = "", ...rest: string[]) => {
      const result = set(element, value, ...rest);
      if (String(result) === "true" && STATUS_ELEMENTS.has(element)) scoWrote[element] = value;
      return result;
    };
  }
  const getName = config.version === "1.2" ? "LMSGetValue" : "GetValue";
  const get = api[getName];
  if (get && config.interactionsCount !== undefined) {
    // An LMS that hands no interaction back (ILIAS) answers this count whatever rows it keeps.
    const shown = String(config.interactionsCount);
    api[getName] = (element = "", ...rest: string[]) => (element === "cmi.interactions._count" ? shown : get(element, ...rest));
  }
  if (config.version === "1.2") win.API = api;
  else win.API_1484_11 = api;
  const current = lms;
  win.passmarkHost = { refuseCommits: (count) => (refusals = count), lms: () => current };
  window.addEventListener("message", (event) => {
    if (!config.launchPageOrigins.includes(event.origin)) return; // only the launch page framing us
    const data = event.data as { type?: string; count?: number };
    if (data.type === "passmark-refuse-commits" && typeof data.count === "number") {
      refusals = data.count;
      emit({ level: "warn", kind: "note", summary: `the LMS will refuse the next ${data.count} commit(s)` });
    }
  });
  const frame = document.getElementById("sco") as HTMLIFrameElement;
  frame.src = config.scoUrl;
  show(`SCORM ${config.version} LMS (scorm-again) — session ${sessionId.slice(0, 8)}`);
}

start().catch((error: unknown) => show(`The preview LMS could not start: ${error instanceof Error ? error.message : String(error)}`));
