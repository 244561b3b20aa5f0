// A rated task as one line of text for an LMS's comment elements (docs/reporting.md "Rated tasks"):
// SCORM 2004 cmi.comments_from_learner.n.comment (RTE 4.2.2) and SCORM 1.2 cmi.comments (RTE 3.4.2).
// One line: LMSs check these strings with a "." regular expression that stops at a line break (line-breaks.ts).
import type { InteractionReport, TaskReport } from "../../assessment/outcome";
import { lineBreaksAsSlashes } from "./line-breaks";
import { scormDecimal } from "./time-format";

/** What opens a task's comment and identifies it: "[observed, attempt 2]". Never written twice. */
export function taskCommentMarker(report: InteractionReport): string {
  return `[${report.questionId}, attempt ${report.attemptNumber}]`;
}

/** Line breaks become " / ", other runs of blanks one space. */
function oneLine(text: string): string {
  return lineBreaksAsSlashes(text).replace(/\s+/g, " ").trim();
}

function raterText(task: TaskReport): string {
  const when = new Date(task.ratedAt).toISOString().replace(/\.\d{3}Z$/, "Z");
  const who = task.rater.role === "assessor" ? `${oneLine(task.rater.name)} (${oneLine(task.rater.id)})` : "the learner (self-assessment)";
  return `Rated by ${who}, ${when}.`;
}

/**
 * "[observed, attempt 1] Grade 77.78/100. Rated by Ana Souza (ana@example.org), 2027-01-15T08:00:00Z.
 * Feedback: … Remarks: plan: …; safety: …" — feedback and remarks only when given. null for a
 * report that is not a rated task.
 */
export function taskCommentText(report: InteractionReport): string | null {
  const task = report.task;
  if (!task) return null;
  const grade = `Grade ${scormDecimal(task.grade, 2)}/100${task.counts ? "" : " (not scored)"}.`;
  const parts = [taskCommentMarker(report), grade, raterText(task)];
  const feedback = oneLine(task.feedback);
  if (feedback !== "") parts.push(`Feedback: ${feedback}`);
  const remarks = task.criteria.filter((c) => c.remark.trim() !== "").map((c) => `${c.id}: ${oneLine(c.remark)}`);
  if (remarks.length > 0) parts.push(`Remarks: ${remarks.join("; ")}`);
  return parts.join(" ");
}

/**
 * `text` within `max` UTF-16 code units (what LMSs count): cut with a closing "…" so a reader sees
 * that something is missing, never inside a surrogate pair.
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  let end = max - 1;
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
  return `${text.slice(0, end)}…`;
}
