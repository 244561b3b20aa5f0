// Test helper: the engine's standard-neutral InteractionReport with each standard's formatting beside
// it, computed as the drivers compute it (runtime/lms/xapi/interaction.ts, runtime/lms/scorm2004/ and
// runtime/lms/scorm12/interaction-format.ts), so one assertion can compare all three.
import { buildInteractionReport, type InteractionContext } from "../../runtime/assessment/interactions/report";
import type { InteractionReport } from "../../runtime/assessment/outcome";
import type { QuestionData } from "../../runtime/course/types";
import type { ScormInteraction } from "../../runtime/lms/scorm-common/interaction";
import { scorm12Interaction } from "../../runtime/lms/scorm12/interaction-format";
import { scorm2004Interaction } from "../../runtime/lms/scorm2004/interaction-format";
import { xapiInteraction, type XapiInteraction } from "../../runtime/lms/xapi/interaction";

export interface FormattedReport extends InteractionReport {
  xapi: XapiInteraction | null;
  scorm2004: ScormInteraction | null;
  scorm12: ScormInteraction | null;
}

export function formatted(report: InteractionReport): FormattedReport {
  return { ...report, xapi: xapiInteraction(report), scorm2004: scorm2004Interaction(report), scorm12: scorm12Interaction(report) };
}

/** buildInteractionReport, then every standard's formatting. */
export function formattedReport(question: QuestionData, response: unknown, context: InteractionContext): FormattedReport {
  return formatted(buildInteractionReport(question, response, context));
}
