// The grading UI chunk (loaded by grading-loader.ts only when a course has a task).
export { AwaitingRating } from "./awaiting-rating";
export { FilledForm } from "./filled-form";
export { TaskControl } from "./task-control";
