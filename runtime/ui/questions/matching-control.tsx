// Matching: one native <select> per source, labelled by the source (inline Markdown), offering the
// targets (plain text: an <option> shows text only) in the attempt's presented order. matches[sourcePairId] = targetPairId (engine Response).
import type { MatchingQuestion } from "../../course/types";
import { AuthorInline } from "../author-html";
import { useUi } from "../context";
import { presented, type ControlProps } from "./question-view";

export function MatchingControl({ question, drawn, answer, onAnswer, idBase }: ControlProps<MatchingQuestion>) {
  const { session, i18n } = useUi();
  const lang = session.course.language;
  const matches = answer?.type === "matching" ? answer.matches : {};
  const targets = presented(question.pairs, drawn.presentedOrder);
  const choose = (sourceId: string, targetId: string) => {
    const next = { ...matches };
    if (targetId === "") delete next[sourceId];
    else next[sourceId] = targetId;
    onAnswer(Object.keys(next).length === 0 ? null : { type: "matching", matches: next });
  };
  return (
    <div class="pm-matching">
      {question.pairs.map((pair) => {
        const id = `${idBase}-${pair.id}`;
        return (
          <div class="pm-match" key={pair.id}>
            <label for={id} lang={lang}>
              <AuthorInline html={pair.sourceHtml} text={pair.source} />
            </label>
            <select id={id} value={matches[pair.id] ?? ""} onChange={(e) => choose(pair.id, e.currentTarget.value)}>
              <option value="">{i18n.t("chooseOption")}</option>
              {targets.map((target) => (
                <option key={target.id} value={target.id} lang={lang}>
                  {target.target}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}
