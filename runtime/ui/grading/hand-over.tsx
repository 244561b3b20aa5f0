// "Hand the device to your assessor": the assessor's name and identifier (email or employee
// number), and the passcode when a pending task has one. Errors are said next to each field, which
// gets focus; a wrong passcode keeps the form as it was.
import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { MessageKey } from "../../i18n/index";
import { useUi } from "../context";
import { useFocusOnChange } from "../focus";
import type { SessionView } from "../session-port";
import type { RaterIdentity } from "./assessor-form";
import { passcodeMatches } from "./passcode";

type Field = "name" | "id" | "passcode";

export function HandOver({ view, onBack, onIdentified }: { view: SessionView; onBack(): void; onIdentified(rater: RaterIdentity): void }) {
  const { i18n } = useUi();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(() => heading.current, "hand-over");
  const [values, setValues] = useState<Record<Field, string>>({ name: "", id: "", passcode: "" });
  const [errors, setErrors] = useState<Partial<Record<Field, MessageKey>>>({});
  const [checking, setChecking] = useState(false);
  // Focus the first field in error once its message is in the DOM (same commit).
  const [tries, setTries] = useState(0);
  useLayoutEffect(() => {
    const first = (["name", "id", "passcode"] as Field[]).find((f) => errors[f]);
    const input = first && (document.getElementById(`pm-rater-${first}`) as HTMLInputElement | null);
    input?.focus();
    if (first === "passcode") input?.select();
  }, [tries]);
  // One passcode protects the hand-over; each distinct hash of the pending tasks must accept it.
  const hashes = [
    ...new Map(
      (view.assessment?.current?.pendingRatings ?? []).flatMap(({ task: t }) => (t.passcode ? [[t.passcode.hash + t.passcode.salt, t.passcode] as const] : [])),
    ).values(),
  ];

  const submit = async (event: Event) => {
    event.preventDefault();
    if (checking) return;
    const name = values.name.trim();
    const id = values.id.trim();
    const found: Partial<Record<Field, MessageKey>> = {};
    if (name === "") found.name = "enterName";
    if (id === "") found.id = "enterId";
    if (hashes.length > 0 && values.passcode === "") found.passcode = "enterPasscode";
    if (!found.passcode && hashes.length > 0 && Object.keys(found).length === 0) {
      setChecking(true);
      try {
        const results = await Promise.all(hashes.map((h) => passcodeMatches(values.passcode, h)));
        if (!results.every(Boolean)) found.passcode = "wrongPasscode";
      } catch {
        found.passcode = "passcodeUnavailable";
      }
      setChecking(false);
    }
    setErrors(found);
    setTries((n) => n + 1);
    if (Object.keys(found).length === 0) onIdentified({ name, id });
  };

  const field = (key: Field, label: MessageKey, type = "text") => (
    <div class="pm-entry">
      <label for={`pm-rater-${key}`}>{i18n.t(label)}</label>
      <input
        id={`pm-rater-${key}`}
        type={type}
        autoComplete="off"
        spellcheck={false}
        value={values[key]}
        aria-invalid={errors[key] ? "true" : undefined}
        aria-describedby={errors[key] ? `pm-rater-${key}-error` : undefined}
        onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })}
      />
      {errors[key] && (
        <p id={`pm-rater-${key}-error`} class="pm-hint pm-error">
          {i18n.t(errors[key]!)}
        </p>
      )}
    </div>
  );

  return (
    <section class="pm-screen" aria-labelledby="pm-hand-over-title">
      <h1 id="pm-hand-over-title" ref={heading} tabIndex={-1}>
        {i18n.t("handOver")}
      </h1>
      <p>{i18n.t("handOverBody")}</p>
      <form class="pm-rater" noValidate onSubmit={submit}>
        {field("name", "raterName")}
        {field("id", "raterId")}
        {hashes.length > 0 && field("passcode", "passcode", "password")}
        <div class="pm-actions">
          <button type="submit" class="pm-button" aria-disabled={checking ? "true" : undefined}>
            {i18n.t(checking ? "checking" : "continue")}
          </button>
          <button type="button" class="pm-button pm-secondary" onClick={onBack}>
            {i18n.t("back")}
          </button>
        </div>
      </form>
    </section>
  );
}
