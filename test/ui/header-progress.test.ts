// The progress the header shows (course-header.tsx shownProgress): the outcome's pages and media, and
// the assessment as one step more, done once an attempt is submitted; a course without an assessment
// shows the outcome's progress as it is.
import { describe, expect, it } from "vitest";
import type { CourseData } from "../../runtime/course/types";
import { shownProgress } from "../../runtime/ui/course-header";
import type { SessionView } from "../../runtime/ui/session-port";

const page = (id: string, media = 0) => ({ id, title: id, body: { html: "" }, media: Array.from({ length: media }, (_, i) => ({ id: `${id}-m${i}` })) });
const course = (pages: ReturnType<typeof page>[], assessed: boolean) => ({ pages, assessment: assessed ? { title: "Quiz" } : null }) as unknown as CourseData;
const view = (progress: number, attempts: number) =>
  ({ outcome: { progress }, state: { attempts: Array.from({ length: attempts }, () => ({})) } }) as unknown as SessionView;

describe("shownProgress", () => {
  it("counts the assessment as one step: all of 3 pages and a medium read is 4 of 5", () => {
    const c = course([page("a"), page("b", 1), page("c")], true);
    expect(shownProgress(view(1, 0), c)).toBe(4 / 5);
    expect(shownProgress(view(1, 1), c)).toBe(1);
    expect(shownProgress(view(0.5, 1), c)).toBe(3 / 5);
    expect(shownProgress(view(0, 0), c)).toBe(0);
  });

  it("an assessment alone: 0 until an attempt is submitted, then 1", () => {
    // The outcome's progress is 1 when there is nothing to experience (course-outcome.ts progressOf).
    const c = course([], true);
    expect(shownProgress(view(1, 0), c)).toBe(0);
    expect(shownProgress(view(1, 2), c)).toBe(1);
  });

  it("without an assessment: the outcome's progress", () => {
    expect(shownProgress(view(0.25, 0), course([page("a"), page("b"), page("c"), page("d")], false))).toBe(0.25);
  });
});
