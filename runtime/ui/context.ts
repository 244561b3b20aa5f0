// What every screen needs: the session (engine + driver glue), the messages, and the announcer
// (a polite live region for results and moves that focus alone would not convey).
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { CourseSession } from "../app/session";
import type { Translator } from "../i18n/index";

export interface UiContext {
  session: CourseSession;
  i18n: Translator;
  announce(message: string): void;
}

export const Ui = createContext<UiContext | null>(null);

export function useUi(): UiContext {
  const ui = useContext(Ui);
  if (!ui) throw new Error("passmark UI component rendered outside <Ui.Provider>");
  return ui;
}
