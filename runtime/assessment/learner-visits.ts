// The part of the learner-state API a launch needs before any attempt (issue 14 item 1): a fresh
// state, the location, pages viewed and media watched. Pure, as learner-state.ts (which re-exports it).
import type { CourseData } from "../course/types";
import { LEARNER_STATE_VERSION, type LearnerState } from "./types";

/** A fresh state: nothing seen, no attempt. */
export function createLearnerState(): LearnerState {
  return { version: LEARNER_STATE_VERSION, location: null, pagesSeen: [], mediaWatched: [], attempts: [], current: null };
}

/** Add `id` keeping course order (`order` = every id of that kind in course order); unknown ids are ignored. */
function addInOrder(list: string[], id: string, order: string[]): string[] {
  if (list.includes(id) || !order.includes(id)) return list;
  const set = new Set([...list, id]);
  return order.filter((x) => set.has(x));
}

/** Where the learner is (a page id or the assessment id); unknown locations are ignored. */
export function setLocation(state: LearnerState, course: CourseData, location: string): LearnerState {
  const known = course.pages.some((p) => p.id === location) || course.assessment?.id === location;
  return known && state.location !== location ? { ...state, location } : state;
}

/** The learner opened a page: it counts as viewed, and becomes the location. */
export function visitPage(state: LearnerState, course: CourseData, pageId: string): LearnerState {
  const pagesSeen = addInOrder(
    state.pagesSeen,
    pageId,
    course.pages.map((p) => p.id),
  );
  const next = pagesSeen === state.pagesSeen ? state : { ...state, pagesSeen };
  return setLocation(next, course, pageId);
}

/** A medium was played to its watchedThreshold (the UI measures that): progress only, never a score. */
export function recordMediaWatched(state: LearnerState, course: CourseData, mediaId: string): LearnerState {
  const mediaWatched = addInOrder(
    state.mediaWatched,
    mediaId,
    course.pages.flatMap((p) => p.media.map((m) => m.id)),
  );
  return mediaWatched === state.mediaWatched ? state : { ...state, mediaWatched };
}
