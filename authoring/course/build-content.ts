// What a course, or one unit of a multi-unit course, is made of: its pages, its assessment and its
// reporting options, built and checked together ({passingScore} only where there is an assessment).
// A unit's problems arrive through a ProblemList scoped to its place ("/units/2/…").
import type { PlaceholderName } from "../../runtime/course/placeholders";
import type { AssessmentData, PageData, ReportingOptions } from "../../runtime/course/types";
import type { AuthorAssessment, AuthorPage, AuthorReporting } from "./author-types";
import { buildAssessment } from "./build-assessment";
import { buildPages } from "./build-pages";
import type { RenderAt } from "./build-questions";
import { buildReporting } from "./build-reporting";
import type { CourseFiles } from "./course-files";
import { renderMarkdown } from "./markdown";
import type { ProblemList } from "./problems";

export interface ContentSource {
  pages?: AuthorPage[];
  assessment?: AuthorAssessment;
  reporting?: AuthorReporting;
}

export interface BuiltContent {
  pages: PageData[];
  assessment: AssessmentData | null;
  reporting: ReportingOptions;
}

/**
 * `activityId`: the id of the CourseData being built (it salts task passcodes); `what`: "course" or
 * "unit", for the message about an empty one.
 */
export function buildContent(
  source: ContentSource,
  activityId: string,
  what: "course" | "unit",
  file: string,
  files: CourseFiles,
  problems: ProblemList,
): BuiltContent {
  // {passingScore} needs an assessment (the passing score in force is filled in at runtime).
  const placeholders: PlaceholderName[] = source.assessment ? ["passingScore"] : [];
  const render: RenderAt = (markdown, at, options) => renderMarkdown(markdown, { file, path: at, baseDir: "" }, files, problems, placeholders, options);
  const reporting = buildReporting(source.reporting, source.assessment, file, problems);
  const pages = buildPages(source.pages ?? [], file, files, problems, placeholders);
  const assessment = source.assessment
    ? buildAssessment(source.assessment, file, render, { masteryScore: reporting.masteryScore, courseId: activityId }, problems)
    : null;
  if (pages.length === 0 && assessment === null) {
    problems.error(file, "", `expected at least one page or an "assessment", found neither: the ${what} would be empty`);
  }
  return { pages, assessment, reporting };
}
