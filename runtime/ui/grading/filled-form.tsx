// A filled grading form in review: each criterion with what the rater gave (the level and its score,
// the points, the scale label, yes/no) and the remark, the overall feedback, who rated and when.
import type { TaskRating } from "../../assessment/index";
import type { TaskQuestion } from "../../course/types";
import { useUi } from "../context";

export function FilledForm({ task, rating }: { task: TaskQuestion; rating: TaskRating | null }) {
  const { session, i18n } = useUi();
  const lang = session.course.language;
  const form = task.gradingForm;
  const given = (id: string): { text: string; author: boolean } | null => {
    const value = rating?.filling[id];
    if (value === undefined) return null;
    if (form.method === "rubric") {
      const level = form.criteria.find((c) => c.id === id)?.levels.find((l) => l.id === value);
      return level ? { text: `${level.description} (${i18n.plural("points", level.score, { n: i18n.number(level.score) })})`, author: true } : null;
    }
    if (typeof value === "boolean") return { text: i18n.t(value ? "yes" : "no"), author: false };
    if (typeof value === "string") return { text: value, author: true };
    const criterion = form.method === "guide" ? form.criteria.find((c) => c.id === id) : undefined;
    return {
      text: criterion && "maxPoints" in criterion ? i18n.t("pointsOf", { n: i18n.number(value), max: i18n.number(criterion.maxPoints) }) : i18n.number(value),
      author: false,
    };
  };
  const rater = rating?.rater;
  const when = rating?.ratedAt == null ? "" : new Date(rating.ratedAt).toLocaleString(i18n.lang, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div class="pm-filled">
      <dl class="pm-review">
        {(form.criteria as { id: string; description: string }[]).map((c) => {
          const value = given(c.id);
          const remark = rating?.remarks[c.id];
          return [
            <dt key={`${c.id}-t`} lang={lang}>
              {c.description}
            </dt>,
            <dd key={`${c.id}-d`}>
              <span lang={value?.author ? lang : undefined}>{value?.text ?? i18n.t("noAnswer")}</span>
              {remark && <p class="pm-remark">{i18n.t("remarkShort", { text: remark })}</p>}
            </dd>,
          ];
        })}
        {rating?.feedback && <dt>{i18n.t("feedback")}</dt>}
        {rating?.feedback && <dd class="pm-remark">{rating.feedback}</dd>}
      </dl>
      {rater && (
        <p class="pm-detail">
          {rater.role === "assessor" ? i18n.t("ratedByAssessor", { name: rater.name, id: rater.id, date: when }) : i18n.t("ratedBySelf", { date: when })}
        </p>
      )}
    </div>
  );
}
