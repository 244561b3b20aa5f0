// After Exit: the session is finished; say so plainly (window.close() is often refused for windows
// the script did not open).
import { useRef } from "preact/hooks";
import type { SessionView } from "./session-port";
import { useUi } from "./context";
import { useFocusOnChange } from "./focus";

export function ExitedScreen({ view }: { view: SessionView }) {
  const { i18n } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  const done = view.exited !== null;
  useFocusOnChange(() => heading.current, done ? "exited" : "exiting");
  const redirecting = view.exited?.navigateTo != null;
  return (
    <section class="pm-screen">
      <h1 ref={heading} tabIndex={-1}>
        {done ? i18n.t("exitedTitle") : i18n.t("exiting")}
      </h1>
      {done && <p>{redirecting ? i18n.t("exitedRedirect") : i18n.t("exitedClose")}</p>}
    </section>
  );
}
