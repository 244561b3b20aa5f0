// Ordering: a numbered list with "Move up" / "Move down" buttons (keyboard operable, no dragging
// needed: WCAG 2.5.7). Focus stays on the moved item's button and the new position is announced.
// The order shown is the answer (the session submits it as shown when never moved).
import { useLayoutEffect, useRef } from "preact/hooks";
import type { OrderingQuestion } from "../../course/types";
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
  const text = new Map(question.items.map((i) => [i.id, i.text]));
  const move = (from: number, by: -1 | 1) => {
    const to = from + by;
    if (to < 0 || to >= order.length) return;
    const next = [...order];
    [next[from], next[to]] = [next[to]!, next[from]!];
    focusAfterMove.current = { to, by };
    onAnswer({ type: "ordering", order: next });
    const item = text.get(next[to]!) ?? "";
    announce(i18n.t("movedTo", { item, n: to + 1, total: next.length }));
  };
  return (
    <div class="pm-ordering">
      <p class="pm-hint" id={`${idBase}-hint`}>
        {i18n.t("orderHint")}
      </p>
      <ol ref={list} aria-describedby={`${idBase}-hint`}>
        {order.map((id, index) => {
          const item = text.get(id) ?? id;
          return (
            <li key={id}>
              <span class="pm-item" lang={session.course.language}>
                {item}
              </span>
              <span class="pm-moves">
                <button type="button" class="pm-button pm-small" disabled={index === 0} aria-label={i18n.t("moveUp", { item })} onClick={() => move(index, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  class="pm-button pm-small"
                  disabled={index === order.length - 1}
                  aria-label={i18n.t("moveDown", { item })}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
