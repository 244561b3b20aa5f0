// What a grading screen shows until its chunk is there: "Loading…", or, when the load failed (the
// connection dropped), that it failed and a button to load it again — never a "Loading…" for ever.
import { useUi } from "./context";
import type { GradingSlot } from "./grading-loader";

export function GradingPending({ slot }: { slot: GradingSlot }) {
  const { i18n } = useUi();
  if (!slot.failed) return <p class="pm-hint pm-loading">{i18n.t("loading")}</p>;
  return (
    <div class="pm-hint" role="alert">
      <p>{i18n.t("gradingLoadFailed")}</p>
      <button type="button" class="pm-button" onClick={slot.retry}>
        {i18n.t("loadAgain")}
      </button>
    </div>
  );
}
