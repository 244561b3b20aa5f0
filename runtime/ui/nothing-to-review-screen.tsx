// A Review launch with no saved work (an LMS such as Moodle gives this after an attempt ended with
// exit "normal": review mode, and no stored data). Showing the course from Welcome would look as if
// nothing had happened; say plainly that the course is finished and the result is in the LMS.
import { useRef } from "preact/hooks";
import { useUi } from "./context";
import { useFocusOnChange } from "./focus";

/** Review mode and no resume state: there is nothing of the learner's to show. */
export function nothingToReview(facts: { launchMode: string; resumeState: string | null }): boolean {
  return facts.launchMode === "review" && facts.resumeState === null;
}

export function NothingToReviewScreen() {
  const { i18n } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(() => heading.current, "nothing-to-review");
  return (
    <section class="pm-screen" aria-labelledby="pm-finished-title">
      <h1 id="pm-finished-title" ref={heading} tabIndex={-1}>
        {i18n.t("finishedTitle")}
      </h1>
      <p>{i18n.t("finishedNothingToReview")}</p>
      <p>{i18n.t("finishedNewAttempt")}</p>
    </section>
  );
}
