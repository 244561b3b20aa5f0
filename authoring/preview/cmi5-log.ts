// Log events for what a cmi5 course exchanged with the preview LMS: each statement stored (or
// refused, in red, with the rule it broke), document writes, the fetch URL, failures and faults.
import type { Statement } from "@xapi/xapi";
import { parseJsonBounded } from "../http/body";
import { EXT_SESSION_ID, EXT_TASK_RATING, VERB_DISPLAY } from "../../runtime/lms/cmi5/vocabulary";
import type { ProxiedExchange } from "../http/proxy";
import { normalisedTarget } from "../lrs";
import type { LogEvent } from "./protocol";

export type NewEvent = Omit<LogEvent, "seq" | "at">;

/** The xAPI document resources, whose GET answers 404 for a document not written yet (xAPI 1.0.3 §2.7). */
const DOCUMENT_PATHS: ReadonlySet<string> = new Set(["/xapi/activities/state", "/xapi/agents/profile", "/xapi/activities/profile"]);

/** `knownIds`: statement ids the LRS held before this request (a re-send is not a new statement). */
export function cmi5Events(exchange: ProxiedExchange, knownIds: ReadonlySet<string>): NewEvent[] {
  // Read as the LRS reads it: "/xapi//statements" is "/xapi/statements" (authoring/lrs normalisedTarget).
  const url = new URL(normalisedTarget(exchange.url), "http://preview.invalid");
  const path = url.pathname;
  const base = { target: "cmi5" as const, sessionId: null };
  if (path.startsWith("/cmi5/fetch/")) {
    const answer = parse(exchange.responseBody) as Record<string, string> | null;
    const error = answer?.["error-code"];
    return [
      {
        ...base,
        level: error ? "error" : "info",
        kind: "launch",
        summary: error ? `fetch URL answered error-code ${error}: ${answer?.["error-text"] ?? ""}` : "auth token fetched (single use)",
      },
    ];
  }
  if (exchange.status === 0)
    return [{ ...base, level: "warn", kind: "request", summary: `${exchange.method} ${path}: connection dropped (fault injected or request abandoned)` }];
  if (path === "/xapi/statements" && (exchange.method === "POST" || exchange.method === "PUT")) return statementEvents(exchange, url, knownIds);
  const documentName = url.searchParams.get("stateId") ?? url.searchParams.get("profileId") ?? "";
  // A 404 is news only for a document (a GET of one not yet written); for any other path the course asked the LRS for something it has not got.
  const missing = exchange.status === 404 && !DOCUMENT_PATHS.has(path);
  const level =
    missing || exchange.status === 403 ? "error" : exchange.status >= 400 && !(exchange.method === "GET" && exchange.status === 404) ? "warn" : "info";
  const kind = exchange.method === "GET" ? "request" : "document";
  const size = exchange.method === "GET" ? "" : ` (${exchange.requestBody.length} characters)`;
  return [
    {
      ...base,
      level,
      kind,
      summary: `${exchange.method} ${path.replace("/xapi/", "")} ${documentName}${size} → ${exchange.status}`,
      detail: level === "info" ? undefined : parse(exchange.responseBody),
    },
  ];
}

function statementEvents(exchange: ProxiedExchange, url: URL, knownIds: ReadonlySet<string>): NewEvent[] {
  const body = parse(exchange.requestBody);
  const list = (Array.isArray(body) ? body : [body]).filter((s): s is Statement => typeof s === "object" && s !== null);
  if (exchange.method === "PUT" && list[0] && !list[0].id) list[0] = { ...list[0], id: url.searchParams.get("statementId") ?? undefined };
  const ok = exchange.status >= 200 && exchange.status < 300;
  if (!ok) {
    const answer = parse(exchange.responseBody) as { message?: string; violations?: { rule: string; cite: string; message: string }[] } | null;
    const refused = exchange.status === 403 || exchange.status === 400 || exchange.status === 409;
    const rules = answer?.violations?.map((v) => `${v.rule} (${v.cite}): ${v.message}`).join("; ") ?? answer?.message ?? "";
    return [
      {
        target: "cmi5",
        sessionId: sessionOf(list[0]),
        level: refused ? "error" : "warn",
        kind: refused ? "refused" : "request",
        summary: `${list.map(describe).join(", ")} → ${exchange.status}${rules ? `: ${rules}` : ""}`,
        detail: { statements: list, answer },
      },
    ];
  }
  return list.map((statement) => ({
    target: "cmi5" as const,
    sessionId: sessionOf(statement),
    level: "info" as const,
    kind: "statement" as const,
    summary: `${describe(statement)}${statement.id && knownIds.has(statement.id) ? " (re-sent; already stored, not counted again)" : ""}`,
    detail: statement,
  }));
}

/** "passed · score 0.9 · success true · rated by Ana Diaz <ana@example.org> · PT1M2S" */
export function describe(statement: Statement | undefined): string {
  if (!statement) return "(no statement)";
  const verb = VERB_DISPLAY[statement.verb?.id ?? ""] ?? statement.verb?.display?.["en-US"] ?? statement.verb?.id ?? "?";
  const parts = [verb];
  const result = statement.result;
  if (verb === "answered") parts.push((statement.object as { id?: string }).id?.split("/").pop() ?? "");
  if (result?.score?.scaled !== undefined) parts.push(`score ${result.score.scaled}`);
  if (result?.success !== undefined) parts.push(`success ${String(result.success)}`);
  if (result?.completion !== undefined) parts.push(`completion ${String(result.completion)}`);
  const rater = raterOf(statement);
  if (rater) parts.push(rater);
  if (result?.duration) parts.push(result.duration);
  return parts.join(" · ");
}

/** Who rated (docs/reporting.md "Rated tasks"): the assessor in context.instructor, or the learner's own self-assessment. */
function raterOf(statement: Statement): string | null {
  const instructor = statement.context?.instructor as { name?: string; mbox?: string; account?: { name?: string } } | undefined;
  if (instructor) {
    const id = instructor.mbox?.replace(/^mailto:/, "") ?? instructor.account?.name ?? "";
    return `rated by ${instructor.name ?? "?"}${id ? ` <${id}>` : ""}`;
  }
  const rating = statement.result?.extensions?.[EXT_TASK_RATING] as { rater?: string } | undefined;
  return rating?.rater === "learner" ? "self-assessed" : null;
}

function sessionOf(statement: Statement | undefined): string | null {
  const value = statement?.context?.extensions?.[EXT_SESSION_ID];
  return typeof value === "string" ? value : null;
}

/** What the LRS refused as too deep stays out of the log too (the log is JSON-serialised). */
function parse(text: string): unknown {
  const parsed = parseJsonBounded(text);
  return parsed.ok ? parsed.value : null;
}
