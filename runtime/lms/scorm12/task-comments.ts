// A rated task's rater and feedback appended to cmi.comments (SCORM 1.2 RTE 3.4.2: CMIString4096,
// read/write). LMSSetValue REPLACES the value (the RTE defines no appending; scorm-again stores what
// is set), so we write what the LMS held at start plus our new entries, within 4,096
// characters in all: earlier text is kept whole, a new entry that does not fit whole is cut with "…"
// (and logged), one with no room left is left out (and logged), an entry already there is not repeated.
import type { InteractionReport } from "../../assessment/outcome";
import type { DataModelWrite, ReadElement } from "../scorm-common/data-model";
import { fitText, taskCommentMarker, taskCommentText } from "../scorm-common/task-comment";

export const COMMENTS_LIMIT = 4096;
/** Less room than this for a new entry: leave it out rather than send a stub. */
const MIN_ENTRY = 80;

export class Scorm12TaskComments {
  private text_ = "";

  readStart(read: ReadElement): void {
    this.text_ = read("cmi.comments");
  }

  /** What the LMS holds now (seeded into the write ledger so an unchanged value is not rewritten). */
  get current(): string {
    return this.text_;
  }

  writes(report: InteractionReport, log: (message: string) => void): DataModelWrite[] {
    const entry = taskCommentText(report);
    if (entry === null || this.text_.includes(taskCommentMarker(report))) return [];
    const separator = this.text_ === "" ? "" : " ";
    const room = COMMENTS_LIMIT - this.text_.length - separator.length;
    if (room < Math.min(MIN_ENTRY, entry.length)) {
      log(
        `cmi.comments holds ${this.text_.length} of ${COMMENTS_LIMIT} characters: the rating of ${report.questionId} (attempt ${report.attemptNumber}) is left out`,
      );
      return [];
    }
    const fitted = fitText(entry, room);
    if (fitted !== entry)
      log(`the rating of ${report.questionId} (attempt ${report.attemptNumber}) is cut to ${room} characters to keep cmi.comments within ${COMMENTS_LIMIT}`);
    this.text_ = `${this.text_}${separator}${fitted}`;
    return [{ element: "cmi.comments", value: this.text_, kind: "interaction" }];
  }
}
