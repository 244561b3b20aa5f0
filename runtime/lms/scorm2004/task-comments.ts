// A rated task's rater and feedback as cmi.comments_from_learner.n (SCORM 2004 RTE 4.2.2): comment
// (localized_string_type, SPM 4000), location = the task id (characterstring, SPM 250), timestamp =
// when it was rated (time(second,10,0), UTC). Appended after what the LMS holds; never written twice.
import type { InteractionReport } from "../../assessment/outcome";
import type { DataModelWrite, ReadElement } from "../scorm-common/data-model";
import { fitText, taskCommentMarker, taskCommentText } from "../scorm-common/task-comment";

export const COMMENT_LIMIT = 4000;
export const COMMENT_LOCATION_LIMIT = 250;

export class Scorm2004TaskComments {
  /** null = the LMS has no comments_from_learner. */
  private next_: number | null = null;
  /** Comments already held: their opening text (taskCommentMarker), to never write one twice. */
  private readonly held_ = new Set<string>();

  /** Probe support and read what the LMS holds (comments from learner are readable in 2004). */
  readStart(read: ReadElement): void {
    const children = read("cmi.comments_from_learner._children");
    const count = Number(read("cmi.comments_from_learner._count"));
    if (children.trim() === "" || !Number.isInteger(count) || count < 0) return;
    this.next_ = count;
    for (let n = 0; n < count; n++) {
      const marker = /^\[[^\]]*\]/.exec(read(`cmi.comments_from_learner.${n}.comment`));
      if (marker) this.held_.add(marker[0]);
    }
  }

  writes(report: InteractionReport, log: (message: string) => void): DataModelWrite[] {
    const text = taskCommentText(report);
    if (text === null || this.next_ === null) return [];
    const marker = taskCommentMarker(report);
    if (this.held_.has(marker)) return [];
    const comment = fitText(text, COMMENT_LIMIT);
    if (comment !== text) log(`the rating comment of ${report.questionId} is ${text.length} characters; cut to ${COMMENT_LIMIT} (SPM)`);
    const base = `cmi.comments_from_learner.${this.next_}`;
    this.next_++;
    this.held_.add(marker);
    const writes: DataModelWrite[] = [
      { element: `${base}.comment`, value: comment, kind: "interaction" },
      { element: `${base}.location`, value: report.questionId.slice(0, COMMENT_LOCATION_LIMIT), kind: "interaction" },
    ];
    if (report.task) writes.push({ element: `${base}.timestamp`, value: new Date(report.task.ratedAt).toISOString(), kind: "interaction" });
    return writes;
  }
}
