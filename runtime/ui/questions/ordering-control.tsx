// Ordering: a numbered list with "Up" / "Down" buttons (keyboard operable, no dragging
// needed: WCAG 2.5.7). Focus stays on the moved item's button and the new position is announced.
// The order shown is the answer (the session submits it as shown when never moved).
import { useLayoutEffect, useRef } from "preact/hooks";
import type { OrderingQuestion } from "../../course/types";
import { AuthorInline } from "../author-html";
import { useUi } from "../context";
import { presented, type ControlProps } from "./question-view";

export function OrderingControl({ question, drawn, answer, onAnswer, idBase }: ControlProps<OrderingQuestion>) {
  const { session, i18n, announce } = useUi();
  const list = useRef<HTMLOListElement>(null);
  // Where focus goes once the moved list is rendered (applied in the same commit, so the next key
  // the learner presses always finds it there).
  const focusAfterMove = useRef<{ to: number; by: -1 | 1 } | null>(null);
  useLayoutEffect(() => {
    const pending = focusAfterMove.current;
    if (!pending) return;
    focusAfterMove.current = null;
    // Keep focus on the same control of the moved item; at an end, the other button of that item.
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>(`li:nth-child(${pending.to + 1}) button`);
    const wanted = buttons?.[pending.by < 0 ? 0 : 1];
    (wanted && !wanted.disabled ? wanted : buttons?.[pending.by < 0 ? 1 : 0])?.focus();
  });
  const order = answer?.type === "ordering" ? answer.order : presented(question.items, drawn.presentedOrder).map((i) => i.id);
  const byId = new Map(question.items.map((i) => [i.id, i]));
  const move = (from: number, by: -1 | 1) => {
    const to = from + by;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    [next[from], next[to]] = [next[to]!, next[from]!];
    focusAfterMove.current = { to, by };
    onAnswer({ type: "ordering", order: next });
    const item = byId.get(next[to]!)?.text ?? "";
    announce(i18n.t("movedTo", { item, n: to + 1, total: next.length }));
  };
  // Each button's name is its visible word and the item ("Up “Fire alarm”"): what voice control users
  // say is what they see (WCAG 2.5.3); the arrow glyph is decoration. One row per item: the text, then
  // the buttons, which wrap below the text on a narrow screen, so every row's buttons line up.
  const moveButton = (index: number, by: -1 | 1, item: string) => (
    <button type="button" class="pm-button pm-small" disabled={by < 0 ? index === 0 : index === order.length - 1} onClick={() => move(index, by)}>
      <span aria-hidden="true">{by < 0 ? "↑" : "↓"}</span> {i18n.t(by < 0 ? "up" : "down")}
      <span class="pm-sr"> {i18n.t("quoted", { item })}</span>
    </button>
  );
  return (
    <div class="pm-ordering">
      <p class="pm-hint" id={`${idBase}-hint`}>
        {i18n.t("orderHint")}
      </p>
      <ol ref={list} aria-describedby={`${idBase}-hint`}>
        {order.map((id, index) => {
          const item = byId.get(id);
          const label = item?.text ?? id;
          return (
            <li key={id}>
              <div class="pm-row">
                <span class="pm-item" lang={session.course.language}>
                  <AuthorInline html={item?.html} text={label} />
                </span>
                <span class="pm-moves">
                  {moveButton(index, -1, label)}
                  {moveButton(index, 1, label)}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
