// The session as the screens see it: the read model (runtime/app/session-view.ts) and the learner's
// actions. runtime/app/session.ts (CourseSession) implements it; the UI depends on this port only,
// never on that class or an engine function (lint.mjs checks it).
import type { SessionView } from "../app/session-view";
import type { RatingInput, Response, SubmittedAttempt } from "../assessment/index";
import type { CourseData, QuestionData } from "../course/types";
import type { ExitResult, LmsFacts } from "../lms/driver";

export type { AssessmentView, AttemptReview, CurrentAttemptView, NextStep, PendingRating, SessionView, TaskResponse } from "../app/session-view";

/** What a screen says about an attempt just submitted (result-announcement.ts). */
export type SubmittedResult = Pick<SubmittedAttempt, "attemptNumber" | "result">;

export interface SessionPort {
  readonly course: CourseData;
  readonly questions: ReadonlyMap<string, QuestionData>;
  /** The launch as the screens need it: mode notice, the way back to the LMS, a Review launch with nothing saved. */
  readonly facts: Readonly<Pick<LmsFacts, "launchMode" | "credit" | "returnUrl" | "resumeState">>;
  /** Normal launch mode: the learner is judged. */
  readonly judged: boolean;
  view(): SessionView;
  /** A line for the developer's console, through boot's logger (what the learner sees is on screen). */
  log(message: string): void;
  subscribe(listener: (view: SessionView) => void): () => void;
  visitPage(pageId: string): void;
  showAssessment(): void;
  mediaWatched(mediaId: string): void;
  /** Start (or keep the one in progress); false when none may start. */
  startAttempt(): boolean;
  /** null = the learner emptied the answer; `typing` delays the save a little. */
  answer(questionId: string, response: Response | null, typing?: boolean): void;
  /** Lock the answer and show its feedback (feedback timing "after-answer"). */
  check(questionId: string): void;
  /** Save now what waits for its delayed save (on blur). */
  flush(): void;
  submit(): SubmittedResult | null;
  /** Hand the attempt in while assessor tasks are unrated; false when nothing waits for an assessor. */
  handIn(): boolean;
  rateTask(taskId: string, input: RatingInput, typing?: boolean): void;
  /** null when a form is incomplete or the rater has no name or identifier. */
  completeRating(rater: { name: string; id: string }): SubmittedResult | null;
  exit(): Promise<ExitResult>;
}
