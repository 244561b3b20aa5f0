// A grading form to fill in (docs/grading-forms.md): a fieldset per criterion, its description as
// the legend. Rubric: a radio per level (its description and score); guide: points in a text field
// (0..maxPoints) or a select of the scale; errors: a yes/no radio pair. Each criterion has an
// optional remark, the form an overall feedback. Native controls: arrow keys, Space and screen
// readers work as everywhere; the levels stack on a narrow screen.
import { useState } from "preact/hooks";
import type { GradingForm, GuidePointsCriterion } from "../../assessment/grading-forms";
import type { RatingInput } from "../../assessment/index";
import { useUi } from "../context";
import { parseLearnerNumber } from "../questions/learner-number";

type Value = string | number | boolean;

interface Props {
  form: GradingForm;
  rating: RatingInput | null;
  /** Every change; `typing` for a keystroke in a text (saved a moment later). */
  onChange(input: RatingInput, typing?: boolean): void;
  /** Base for element ids: a criterion's fieldset is `${idBase}-${criterionId}`. */
  idBase: string;
  /** The course language (criteria and levels are the author's text). */
  lang: string;
}

export const EMPTY_RATING: RatingInput = { filling: {}, remarks: {}, feedback: "" };

/** The id of a criterion's fieldset, whose first control a "go to" link focuses. */
export const criterionDomId = (idBase: string, criterionId: string) => `${idBase}-c-${criterionId}`;

export function FormFields({ form, rating, onChange, idBase, lang }: Props) {
  const { session, i18n } = useUi();
  const current = rating ?? EMPTY_RATING;
  const set = (id: string, value: Value | undefined, typing = false) => {
    const filling = { ...current.filling };
    if (value === undefined) delete filling[id];
    else filling[id] = value;
    onChange({ ...current, filling }, typing);
  };
  const remark = (id: string, text: string) => onChange({ ...current, remarks: { ...current.remarks, [id]: text } }, true);
  const criteria: { id: string; description: string }[] = form.criteria;
  return (
    <div class="pm-form">
      {criteria.map((c) => {
        const base = criterionDomId(idBase, c.id);
        const value = current.filling[c.id];
        let control;
        if (form.method === "rubric") {
          const levels = form.criteria.find((r) => r.id === c.id)!.levels;
          control = (
            <div class="pm-levels">
              {levels.map((level) => (
                <div class="pm-option pm-level" key={level.id}>
                  <input type="radio" id={`${base}-${level.id}`} name={base} checked={value === level.id} onChange={() => set(c.id, level.id)} />
                  <label for={`${base}-${level.id}`} lang={lang}>
                    {level.description} <span lang={i18n.lang}>({i18n.plural("points", level.score, { n: i18n.number(level.score) })})</span>
                  </label>
                </div>
              ))}
            </div>
          );
        } else if (form.method === "errors") {
          control = (
            <div class="pm-levels pm-yes-no">
              {[true, false].map((answer) => (
                <div class="pm-option pm-level" key={String(answer)}>
                  <input type="radio" id={`${base}-${answer}`} name={base} checked={value === answer} onChange={() => set(c.id, answer)} />
                  <label for={`${base}-${answer}`}>{i18n.t(answer ? "yes" : "no")}</label>
                </div>
              ))}
            </div>
          );
        } else {
          const criterion = form.criteria.find((g) => g.id === c.id)!;
          control =
            "scale" in criterion ? (
              <div class="pm-entry">
                <label for={`${base}-scale`}>{i18n.t("scaleField")}</label>
                <select
                  id={`${base}-scale`}
                  lang={lang}
                  value={typeof value === "string" ? value : ""}
                  onChange={(e) => set(c.id, e.currentTarget.value || undefined)}
                >
                  <option value="" lang={i18n.lang}>
                    {i18n.t("chooseOption")}
                  </option>
                  {criterion.scale.map((label) => (
                    <option key={label} value={label}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <PointsField
                criterion={criterion}
                id={`${base}-points`}
                value={typeof value === "number" ? value : undefined}
                onValue={(n) => set(c.id, n, true)}
              />
            );
        }
        return (
          <fieldset class="pm-criterion" id={base} key={c.id}>
            <legend lang={lang}>{c.description}</legend>
            {control}
            <div class="pm-entry">
              <label for={`${base}-remark`}>{i18n.t("remark")}</label>
              <textarea
                id={`${base}-remark`}
                rows={2}
                value={current.remarks[c.id] ?? ""}
                onInput={(e) => remark(c.id, e.currentTarget.value)}
                onBlur={() => session.flush()}
              />
            </div>
          </fieldset>
        );
      })}
      <div class="pm-entry">
        <label for={`${idBase}-feedback`}>{i18n.t("overallFeedback")}</label>
        <textarea
          id={`${idBase}-feedback`}
          rows={3}
          value={current.feedback}
          onInput={(e) => onChange({ ...current, feedback: e.currentTarget.value }, true)}
          onBlur={() => session.flush()}
        />
      </div>
    </div>
  );
}

/** Points 0..maxPoints as typed (decimal comma accepted); a value out of range is said so and not kept. */
function PointsField({
  criterion,
  id,
  value,
  onValue,
}: {
  criterion: GuidePointsCriterion;
  id: string;
  value: number | undefined;
  onValue(n: number | undefined): void;
}) {
  const { i18n } = useUi();
  const [draft, setDraft] = useState(value === undefined ? "" : i18n.number(value, 10));
  const parsed = parseLearnerNumber(draft);
  const invalid = draft.trim() !== "" && (parsed === null || parsed < 0 || parsed > criterion.maxPoints);
  const max = i18n.number(criterion.maxPoints);
  return (
    <div class="pm-entry">
      <label for={id}>{i18n.t("pointsField", { max })}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        class="pm-points"
        value={draft}
        aria-invalid={invalid ? "true" : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          setDraft(text);
          const n = parseLearnerNumber(text);
          onValue(n !== null && n >= 0 && n <= criterion.maxPoints ? n : undefined);
        }}
      />
      {invalid && (
        <p id={`${id}-error`} class="pm-hint pm-error">
          {i18n.t("pointsOutOfRange", { max })}
        </p>
      )}
    </div>
  );
}
