// xAPI Statement Resource of the local LRS: PUT ?statementId=, POST (one or a batch), GET.
// Every received statement is validated with @learninglocker/xapi-validation (malformed → 400)
// and, when an AU sends it, with the cmi5 rule checker (violation → 403 in strict-LMS mode); a Tin Can
// launch's statements are checked only for their actor (tincan-rules.ts), never with cmi5 rules.
// A re-send of a stored id with the same content is accepted (idempotent retries); with different
// content it is a 409 (xAPI 1.0.3 Part 3 §2.1.3).
import xapiValidation from "@learninglocker/xapi-validation";
import type { Statement } from "@xapi/xapi";
import { randomUUID } from "node:crypto";
import { checkCmi5Statement, sessionIdOf, type RuleViolation } from "./cmi5-rules";
import { recordSatisfied } from "./satisfied";
import { checkTincanStatement } from "./tincan-rules";
import type { LmsSession, LrsStore, StoredStatement } from "./store";

type XapiValidator = typeof xapiValidation;
/**
 * The package is CommonJS with `exports.default = validate`. vitest hands us the function, but Node's
 * own ESM loader and the bundled CLI (esbuild, Node interop) hand us `module.exports`, whose
 * `default` is the function: accept both, so `passmark preview` validates exactly as the tests do.
 */
const validateXapi: XapiValidator = typeof xapiValidation === "function" ? xapiValidation : (xapiValidation as unknown as { default: XapiValidator }).default;

export interface Answer {
  status: number;
  body?: unknown;
  contentType?: string;
}

export interface Caller {
  /** null: the admin (tests, preview tooling). */
  session: LmsSession | null;
}

export function putStatement(store: LrsStore, caller: Caller, query: URLSearchParams, body: unknown, strict: boolean): Answer {
  const id = query.get("statementId");
  if (!id) return { status: 400, body: { message: "statementId is required for PUT" } };
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { status: 400, body: { message: "body must be one statement" } };
  const statement = body as Statement;
  if (statement.id !== undefined && statement.id !== id) return { status: 400, body: { message: "statement id differs from statementId" } };
  const answer = receive(store, caller, [{ ...statement, id }], strict);
  return answer.status === 200 ? { status: 204 } : answer;
}

export function postStatements(store: LrsStore, caller: Caller, body: unknown, strict: boolean): Answer {
  const list = (Array.isArray(body) ? body : [body]) as Statement[];
  if (list.some((s) => typeof s !== "object" || s === null)) return { status: 400, body: { message: "statements must be objects" } };
  return receive(
    store,
    caller,
    list.map((s) => ({ ...s, id: s.id ?? randomUUID() })),
    strict,
  );
}

function receive(store: LrsStore, caller: Caller, batch: (Statement & { id: string })[], strict: boolean): Answer {
  const ids = new Set<string>();
  for (const statement of batch) {
    if (ids.has(statement.id)) return { status: 400, body: { message: `id ${statement.id} twice in one batch` } };
    ids.add(statement.id);
    const warnings = validateXapi(statement);
    if (warnings.length > 0) {
      const violations = warnings.map((w) => ({ rule: "xapi", cite: "xAPI 1.0.3", message: `${w.path.join(".")}: ${w.message}` }));
      record(store, "xapi", statement, caller, violations);
      return { status: 400, body: { message: "invalid statement", violations } };
    }
  }
  const fresh: (Statement & { id: string })[] = [];
  for (const statement of batch) {
    const existing = store.statementById(statement.id);
    if (!existing) fresh.push(statement);
    else if (canonical(existing.statement) !== canonical(statement)) {
      return { status: 409, body: { message: `statement ${statement.id} exists with different content` } };
    }
  }
  if (caller.session?.kind === "tincan") {
    for (const statement of fresh) {
      const violations = checkTincanStatement(statement, caller.session.info);
      if (violations.length === 0) continue;
      record(store, "lms", statement, caller, violations);
      if (strict) return { status: 403, body: { message: "statement not about the launched learner", violations } };
    }
  } else if (caller.session) {
    const session = caller.session;
    const history = store.inRegistration(session.info.registration);
    for (const statement of fresh) {
      const violations: RuleViolation[] = checkCmi5Statement(statement, sessionIdOf(statement) === session.info.sessionId ? session.info : null, history);
      if (violations.length > 0) {
        record(store, "cmi5", statement, caller, violations);
        if (strict) return { status: 403, body: { message: "cmi5 rule violation", violations } };
      }
      history.push(statement);
    }
  }
  const stored = new Date().toISOString();
  for (const statement of fresh) store.data.statements.push({ statement, stored, sessionId: caller.session?.info.sessionId ?? null });
  store.changed();
  if (caller.session && fresh.length > 0) recordSatisfied(store, caller.session, fresh);
  return { status: 200, body: batch.map((s) => s.id) };
}

export function getStatements(store: LrsStore, query: URLSearchParams): Answer {
  const id = query.get("statementId");
  if (id) {
    const found = store.statementById(id);
    return found ? { status: 200, body: withLrsFields(found) } : { status: 404, body: { message: "no such statement" } };
  }
  let list = store.data.statements;
  const registration = query.get("registration");
  const verb = query.get("verb");
  const activity = query.get("activity");
  const since = query.get("since");
  if (registration) list = list.filter((s) => s.statement.context?.registration === registration);
  if (verb) list = list.filter((s) => s.statement.verb.id === verb);
  if (activity) list = list.filter((s) => (s.statement.object as { id?: string }).id === activity);
  if (since) list = list.filter((s) => s.stored > since);
  const ordered = query.get("ascending") === "true" ? [...list] : [...list].reverse();
  const limit = Number(query.get("limit") ?? "0");
  const page = limit > 0 ? ordered.slice(0, limit) : ordered;
  return { status: 200, body: { statements: page.map(withLrsFields), more: "" } };
}

function withLrsFields(stored: StoredStatement): Statement {
  return {
    ...stored.statement,
    stored: stored.stored,
    authority: { objectType: "Agent", name: "passmark local LMS", account: { homePage: "https://passmark.dev/lrs", name: "lms" } },
    version: "1.0.3",
  } as Statement;
}

function record(store: LrsStore, kind: "xapi" | "cmi5" | "lms", statement: Statement & { id: string }, caller: Caller, violations: RuleViolation[]): void {
  store.data.violations.push({
    kind,
    statementId: statement.id,
    verb: statement.verb?.id ?? null,
    sessionId: caller.session?.info.sessionId ?? null,
    violations,
    at: new Date().toISOString(),
  });
  store.changed();
}

/** JSON with sorted keys: a re-send is "the same" regardless of key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}
