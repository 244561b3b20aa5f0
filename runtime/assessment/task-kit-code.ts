// What task-kit.ts loads for a course with a task: the task functions the engine and the drivers call.
export { canonicalRating, canonicalTaskResponse, completeRating, isRated, learnerTaskResponse, rateTask, ratingGrade, taskScore } from "./task-rating";
export { gradeForm, missingCriteria } from "./grading-forms";
export { decodeTaskToken, encodeTaskToken } from "./codec/task-tokens";
export { taskReport } from "./interactions/task-report";
