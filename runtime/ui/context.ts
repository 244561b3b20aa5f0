// What every screen needs: the session (its port: the read model and the actions), the messages, and the announcer
// (a polite live region for results and moves that focus alone would not convey).
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { SessionPort } from "./session-port";
import type { Translator } from "../i18n/index";

export interface UiContext {
  session: SessionPort;
  i18n: Translator;
  announce(message: string): void;
}

export const Ui = createContext<UiContext | null>(null);

export function useUi(): UiContext {
  const ui = useContext(Ui);
  if (!ui) throw new Error("passmark UI component rendered outside <Ui.Provider>");
  return ui;
}
