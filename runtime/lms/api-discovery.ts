// docs/rules/lms.md §1: find the LMS's API object. Search the SCO's own window and up its `parent`
// chain, then `opener` and its parents. Never start at `top` (cross-domain LMS headers make it
// throw). Every property read of a foreign window is guarded: a cross-origin window throws.
// Pure over window-like objects so it runs in Node against fake window graphs.
import { isScorm12Api, isScorm2004Api, type Scorm12Api, type Scorm2004Api } from "./scorm-common/api-types";

/** The little of a Window the search touches. Any property read may throw. */
export interface WindowLike {
  readonly parent?: WindowLike | null;
  readonly opener?: WindowLike | null;
}

export type ApiName = "API" | "API_1484_11";

/**
 * How many parents to climb from one starting window. ADL's 1.2 sample stops at 7; LMS players
 * seldom nest deeper than 3–4, and a limit keeps a broken `parent` graph from looping.
 */
export const MAX_PARENT_LEVELS = 10;

function read(win: WindowLike, property: string): unknown {
  try {
    return (win as unknown as Record<string, unknown>)[property];
  } catch {
    return undefined; // cross-origin (SecurityError) or a hostile getter: keep climbing
  }
}

function asWindow(value: unknown): WindowLike | null {
  return value !== null && typeof value === "object" ? (value as WindowLike) : null;
}

/** `start` and its ancestors, nearest first (at most MAX_PARENT_LEVELS parents). */
function chainFrom(start: WindowLike): WindowLike[] {
  const chain: WindowLike[] = [start];
  let current = start;
  for (let level = 0; level < MAX_PARENT_LEVELS; level++) {
    const parent = asWindow(read(current, "parent"));
    if (parent === null || parent === current || chain.includes(parent)) break;
    chain.push(parent);
    current = parent;
  }
  return chain;
}

/**
 * The windows to probe, in order: own chain, then the opener of the own window and the opener of
 * the highest ancestor reached by climbing (a frameset opened as a pop-up carries the opener on its
 * topmost frame, reached here without touching `top`), each with its own parents.
 */
export function searchOrder(start: WindowLike): WindowLike[] {
  const own = chainFrom(start);
  const order = [...own];
  const openers = [read(start, "opener"), read(own[own.length - 1]!, "opener")];
  for (const candidate of openers) {
    const opener = asWindow(candidate);
    if (opener === null) continue;
    for (const win of chainFrom(opener)) if (!order.includes(win)) order.push(win);
  }
  return order;
}

function findApi<T>(start: WindowLike, name: ApiName, accept: (candidate: unknown) => candidate is T): T | null {
  for (const win of searchOrder(start)) {
    const candidate = read(win, name);
    try {
      if (accept(candidate)) return candidate;
    } catch {
      // a proxy from a dying LMS window can throw on inspection: not an API
    }
  }
  return null;
}

export function findScorm2004Api(start: WindowLike): Scorm2004Api | null {
  return findApi(start, "API_1484_11", isScorm2004Api);
}

export function findScorm12Api(start: WindowLike): Scorm12Api | null {
  return findApi(start, "API", isScorm12Api);
}
