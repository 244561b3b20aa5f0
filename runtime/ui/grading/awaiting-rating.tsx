// An attempt handed in while assessor tasks are unrated ("awaiting rating", kept in the resume
// state): the learner sees that the work waits for the assessor, never a score, and hands the
// device over; the assessor identifies (hand-over.tsx), then rates (assessor-form.tsx).
import { useRef, useState } from "preact/hooks";
import type { Navigate } from "../app";
import { useUi } from "../context";
import { useFocusOnChange } from "../focus";
import type { SessionView } from "../session-port";
import { AssessorForm, type RaterIdentity } from "./assessor-form";
import { HandOver } from "./hand-over";

type Step = { kind: "waiting" } | { kind: "hand-over" } | { kind: "rating"; rater: RaterIdentity };

export function AwaitingRating({ view, navigate }: { view: SessionView; navigate: Navigate }) {
  const [step, setStep] = useState<Step>({ kind: "waiting" });
  const back = () => setStep({ kind: "waiting" });
  if (step.kind === "hand-over") return <HandOver view={view} onBack={back} onIdentified={(rater) => setStep({ kind: "rating", rater })} />;
  if (step.kind === "rating") return <AssessorForm view={view} navigate={navigate} rater={step.rater} onBack={back} />;
  return <Waiting onHandOver={() => setStep({ kind: "hand-over" })} />;
}

function Waiting({ onHandOver }: { onHandOver(): void }) {
  const { i18n } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(() => heading.current, "awaiting");
  return (
    <section class="pm-screen" aria-labelledby="pm-awaiting-title">
      <h1 id="pm-awaiting-title" ref={heading} tabIndex={-1}>
        {i18n.t("awaitingTitle")}
      </h1>
      <p>{i18n.t("awaitingBody")}</p>
      <div class="pm-actions">
        <button type="button" class="pm-button" onClick={onHandOver}>
          {i18n.t("handOver")}
        </button>
      </div>
    </section>
  );
}
