// The grading UI chunk (loaded by grading-loader.ts only when a course has a task), with its English messages (grading-loader.ts adds them to the catalogue).
export { enGrading } from "../../i18n/en-grading";
export { AwaitingRating } from "./awaiting-rating";
export { FilledForm } from "./filled-form";
export { TaskControl } from "./task-control";
