// The author's assessment → AssessmentData: defaults, unique ids across questions and banks, bank
// sizes, the rubric (checked by the engine's validator, docs/rules/assessment.md §2) and score actions (§3).
// Tasks (docs/grading-forms.md) only at the top level, with one assessor passcode per assessment.
import type { AssessmentData, AssessmentItem, QuestionData, RubricData } from "../../runtime/course/types";
import { attemptsAllowedNumber, matchingMods, validateRubric } from "../../runtime/assessment/index";
import type { AuthorAssessment, AuthorQuestion, AuthorTask } from "./author-types";
import { buildQuestion, type RenderAt } from "./build-questions";
import { checkScoreActions } from "./score-actions";
import { pointer, type ProblemList } from "./problems";

/** What the assessment needs from the rest of the course. */
export interface AssessmentContext {
  /** The mastery score the manifests will declare (reporting), needed to check the rubric against it. */
  masteryScore: number | null;
  /** The course id: it salts the hash of a task's passcode. */
  courseId: string;
}

export function buildAssessment(a: AuthorAssessment, file: string, render: RenderAt, mastery: AssessmentContext, problems: ProblemList): AssessmentData {
  const at = "/assessment";
  const usedIds = new Map<string, string>(); // id → JSON path of its first use
  const claimId = (id: string, path: string, what: string): void => {
    const first = usedIds.get(id);
    if (first !== undefined) problems.error(file, `${path}/id`, `expected a unique id, found ${what} id "${id}" already used at ${first}`);
    else usedIds.set(id, path);
  };
  const question = (q: AuthorQuestion, path: string): QuestionData => {
    claimId(q.id, path, "question");
    return buildQuestion(q, path, file, render, problems, { courseId: mastery.courseId });
  };
  const assessorTasks: { task: AuthorTask; path: string }[] = [];

  const items: AssessmentItem[] = a.questions.map((item, i) => {
    const path = pointer("assessment", "questions", i);
    if (!("bank" in item)) {
      if (item.type === "task" && (item.rater ?? "assessor") === "assessor") assessorTasks.push({ task: item, path });
      return question(item, path);
    }
    const bank = item.bank;
    claimId(bank.id, `${path}/bank`, "bank");
    const questions = bank.questions.map((q, j) => {
      if (q.type === "task") {
        problems.error(
          file,
          `${path}/bank/questions/${j}/type`,
          'expected a question a bank can draw, found a "task": a task is rated by a person and belongs in every attempt, so put it directly in "assessment.questions", outside the bank',
        );
      }
      return question(q, `${path}/bank/questions/${j}`);
    });
    const choose = bank.choose ?? questions.length;
    if (choose > questions.length) {
      problems.error(file, `${path}/bank/choose`, `expected at most ${questions.length} (the number of questions in the bank), found ${choose}`);
    }
    return { kind: "bank", id: bank.id, choose: Math.min(choose, questions.length), order: bank.order ?? "sequential", questions };
  });

  const rubric: RubricData = { ...a.rubric, type: a.rubric?.type ?? "pass-fail" };
  const attempts = a.attempts ?? "unlimited";
  for (const p of validateRubric(rubric, {
    masteryExpected: mastery.masteryScore !== null,
    masteryScore: mastery.masteryScore,
    attemptsAllowed: attempts,
  })) {
    const path = `${at}/rubric${p.path}`;
    if (p.severity === "error") problems.error(file, path, p.message);
    else problems.warning(file, path, p.message);
  }
  if (rubric.unableToPassResult !== undefined && attempts === "unlimited") {
    problems.warning(
      file,
      `${at}/rubric/unableToPassResult`,
      'never used: with "unlimited" attempts a learner who keeps failing stays failed (docs/rules/assessment.md §2)',
    );
  }
  checkPenalties(rubric, attempts, mastery.masteryScore, file, problems);
  checkGradable(items, rubric, file, problems);
  checkPasscodes(assessorTasks, file, problems);
  checkFeedbackShown(items, a.feedbackTiming ?? "review", a.review ?? "never", at, file, problems);

  return {
    id: a.id ?? "assessment",
    title: a.title ?? "Assessment",
    intro: a.intro !== undefined ? render(a.intro, `${at}/intro`) : null,
    attempts,
    allowAttemptsAfterPass: a.allowAttemptsAfterPass ?? false,
    review: a.review ?? "never",
    shuffleChoices: a.shuffleChoices ?? false,
    feedbackTiming: a.feedbackTiming ?? "review",
    items,
    rubric,
    scoreActions: checkScoreActions(a.scoreActions ?? [], rubric, attempts, file, render, problems),
  };
}

/**
 * Feedback written for nobody: with the default timing ("review") and the default review policy
 * ("never"), no learner ever sees it (docs/course-format.md "Feedback"). A warning, so that an author
 * who wrote it learns where to switch it on.
 */
function checkFeedbackShown(items: AssessmentItem[], timing: string, review: string, at: string, file: string, problems: ProblemList): void {
  if (timing !== "review" || review !== "never") return;
  // A task's feedback is its rating's (docs/grading-forms.md), not this timing's.
  const questions = items.flatMap((item) => (item.kind === "bank" ? item.questions : [item])).filter((q) => q.type !== "task");
  const hasFeedback = (q: (typeof questions)[number]): boolean =>
    q.feedback.correct !== null ||
    q.feedback.incorrect !== null ||
    ("choices" in q && Array.isArray(q.choices) && q.choices.some((c) => "feedback" in c && c.feedback !== undefined));
  const first = questions.find(hasFeedback);
  if (first === undefined) return;
  problems.warning(
    file,
    `${at}/feedbackTiming`,
    `question "${first.id}" has feedback that no learner will see: feedback is shown only in review ("feedbackTiming": "review", the default) and "review" is "never"; set "feedbackTiming" to "after-answer" or "after-attempt", or allow review`,
  );
}

/**
 * docs/rules/assessment.md §1: surveys are not graded, nor are self-assessments that do not count
 * (docs/grading-forms.md); with nothing gradable every attempt scores 0.
 */
function checkGradable(items: AssessmentItem[], rubric: RubricData, file: string, problems: ProblemList): void {
  const questions = items.flatMap((item) => (item.kind === "bank" ? item.questions : [item]));
  if (questions.some((q) => q.type !== "survey" && !(q.type === "task" && !q.counts))) return;
  const hasTasks = questions.some((q) => q.type === "task");
  const only = hasTasks ? "surveys and self-assessments that do not count" : "surveys";
  const passingScore = rubric.passingAttemptScore ?? 100;
  const message = `no gradable question (${hasTasks ? 'surveys and self-assessments with "counts": false are' : "surveys are"} not graded): every attempt scores 0`;
  if (rubric.type === "pass-fail" && passingScore > 0) {
    problems.error(
      file,
      "/assessment/questions",
      `expected at least one graded question, found only ${only}: every attempt scores 0, so no learner can reach the passing score ${passingScore}`,
    );
  } else problems.warning(file, "/assessment/questions", message);
}

/**
 * One hand-over screen asks the assessor ONE passcode for every assessor task of the attempt: the
 * assessor tasks of an assessment have the same passcode, or none has one.
 */
function checkPasscodes(tasks: { task: AuthorTask; path: string }[], file: string, problems: ProblemList): void {
  const first = tasks.find((t) => t.task.passcode !== undefined);
  if (first === undefined) return;
  const ref = first.task.passcode!.normalize("NFC");
  for (const { task, path } of tasks) {
    if (task === first.task) continue;
    if (task.passcode === undefined) {
      problems.error(
        file,
        path,
        `expected the passcode of the assessor task "${first.task.id}" (${first.path}/passcode) here too, found none: one hand-over screen asks the assessor one passcode for every assessor task, so give each the same passcode or none`,
      );
    } else if (task.passcode.normalize("NFC") !== ref) {
      problems.error(
        file,
        `${path}/passcode`,
        `expected the same passcode as the assessor task "${first.task.id}" (${first.path}/passcode), found a different one: one hand-over screen asks the assessor one passcode for every assessor task`,
      );
    }
  }
}

/**
 * docs/rules/assessment.md §2 (results that contradict the declared mastery score): a negative mod can do the
 * same to a passed attempt. The manifests declare the mastery score, so an LMS judging by score would
 * record a fail for a learner the course says passed (and cmi5 §9.5.1 forbids such a score in Passed):
 * an ERROR on each penalty that can do it, at the mod's own path.
 */
function checkPenalties(rubric: RubricData, attempts: AssessmentData["attempts"], masteryScore: number | null, file: string, problems: ProblemList): void {
  const mods = rubric.mods ?? [];
  if (masteryScore === null || rubric.type !== "pass-fail" || !mods.some((m) => m.reward < 0)) return;
  // The lowest passed result: a fixed passedResult (default 100), else ("$attempt_score") a score on
  // the bar (the LMS passes its mastery score on as the bar, §4).
  const passedResult = rubric.passedResult ?? 100;
  const lowestPassed = typeof passedResult === "number" ? passedResult : masteryScore;
  const allowed = attemptsAllowedNumber(attempts);
  const flagged = new Set<number>();
  for (let n = 1; n <= Math.min(allowed, 100); n++) {
    const matching = matchingMods(rubric, n, allowed);
    const reward = matching.reduce((sum, i) => sum + mods[i]!.reward, 0);
    const reported = Math.max(0, lowestPassed + reward);
    if (reported >= masteryScore) continue;
    for (const i of matching) {
      const mod = mods[i]!;
      if (mod.reward >= 0 || flagged.has(i)) continue;
      flagged.add(i);
      const fix =
        typeof passedResult === "number"
          ? `make the reward 0 or more, raise passedResult to at least ${masteryScore - reward}`
          : 'make the reward 0 or more (with passedResult "$attempt_score" a passed attempt can score exactly the mastery score, so no penalty fits)';
      problems.error(
        file,
        `/assessment/rubric/mods/${i}`,
        `reward ${mod.reward} can take a passed attempt ${n} down to ${reported} (rewards ${reward}), below the mastery score ${masteryScore} written into the manifests (reporting.masteryScore): an LMS judging by score would record a fail for a learner the course says passed. Fix: ${fix}, or set reporting.masteryScore to null if no LMS should judge by score`,
      );
    }
  }
}
