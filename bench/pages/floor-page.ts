// The launch figure's floor: the smallest cmi5 AU that makes the requests passmark's runtime makes
// before its first screen (cmi5 §8.2 fetch POST, then LMS.LaunchData ‖ learner preferences ‖ our
// State document, cmi5 §10, §11; docs/rules/lms.md §5) from one inline classic script first in
// <head>, after only the charset (no CSP, no framework, no module, no other file), then writes one
// heading. No AU can start its first LMS request earlier or need fewer round trips: the best any AU
// could do in this harness.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Page name under the bench mount. */
export const FLOOR_PAGE = "floor.html";
export const FLOOR_LABEL = "floor page (inline script, the same LMS requests, one heading)";

/** What passmark's runtime reads (runtime/lms/cmi5/launch-vocabulary.ts); repeated here so the page needs no bundling. */
export const FLOOR_DOCUMENTS = {
  launchData: "LMS.LaunchData",
  preferences: "cmi5LearnerPreferences",
  auState: "https://passmark.dev/xapi/state/au-state",
} as const;

/**
 * The inline script. Records window.__benchFirstScriptAt when it runs and window.__benchReadyAt once
 * the heading is in the DOM (how the harness detects a reference page's readiness), or
 * window.__benchError. A 404 on the preferences or our State is a first launch, as for the runtime.
 */
export const FLOOR_SCRIPT = `(() => {
  const w = window;
  w.__benchFirstScriptAt = performance.now();
  const q = new URLSearchParams(location.search);
  const base = q.get("endpoint").replace(/\\/?$/, "/");
  const actor = q.get("actor");
  const read = (headers, path, params) =>
    fetch(base + path + "?" + new URLSearchParams(params), { headers, credentials: "omit" }).then(async (r) => {
      const text = await r.text(); // read every body, as the runtime does (a 404 too)
      if (r.status === 404) return null;
      if (!r.ok) throw new Error(path + " answered " + r.status);
      return JSON.parse(text);
    });
  const state = (headers, stateId) =>
    read(headers, "activities/state", { stateId, activityId: q.get("activityId"), agent: actor, registration: q.get("registration") });
  fetch(q.get("fetch"), { method: "POST", credentials: "omit" })
    .then((r) => r.json())
    .then((answer) => {
      const headers = { Authorization: "Basic " + answer["auth-token"], "X-Experience-API-Version": "1.0.3" };
      return Promise.all([
        state(headers, ${JSON.stringify(FLOOR_DOCUMENTS.launchData)}),
        read(headers, "agents/profile", { agent: actor, profileId: ${JSON.stringify(FLOOR_DOCUMENTS.preferences)} }),
        state(headers, ${JSON.stringify(FLOOR_DOCUMENTS.auState)}),
      ]);
    })
    .then(([launchData]) => {
      if (!launchData || typeof launchData.launchMode !== "string") throw new Error("no LMS.LaunchData");
      const show = () => {
        const h = document.createElement("h1");
        h.textContent = "Launched (" + launchData.launchMode + ")";
        document.body.append(h);
        w.__benchReadyAt = performance.now();
      };
      if (document.body) show();
      else document.addEventListener("DOMContentLoaded", show);
    })
    .catch((e) => { w.__benchError = String(e); });
})();`;

export function floorPageHtml(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>${FLOOR_SCRIPT}</script><title>cmi5 floor</title></head><body></body></html>\n`;
}

/** Writes floor.html into `dir` (the folder the reference pages are served from). */
export async function writeFloorPage(dir: string): Promise<{ label: string; page: string }> {
  await writeFile(join(dir, FLOOR_PAGE), floorPageHtml());
  return { label: FLOOR_LABEL, page: FLOOR_PAGE };
}
