// The launch page's AU / SCO picker: a package with several units (cmi5 AUs, SCORM SCOs) offers
// each, the first picked by default, as an LMS lists a course's units; picking one shows its own
// manifest facts (mastery score, moveOn). Hidden for a package with one unit.
import type { TargetId } from "../../../runtime/course/types";
import type { PreviewInfo, UnitSummary } from "../protocol";

export interface UnitPicker {
  /** Lists the units of `target` and picks its first. */
  show(target: TargetId): void;
  /** The unit picked, null when the target has no unit list. */
  selected(): UnitSummary | null;
}

export interface UnitPickerParts {
  /** The label holding the select (hidden with one unit or none). */
  field: HTMLElement;
  select: HTMLSelectElement;
  /** Says "AU" or "SCO". */
  kind: HTMLElement;
  units: PreviewInfo["units"];
  /** The author picked another unit: show its facts. */
  picked(unit: UnitSummary): void;
}

export function unitPicker({ field, select, kind, units, picked }: UnitPickerParts): UnitPicker {
  let shown: UnitSummary[] = [];
  const selected = () => shown.find((u) => u.id === select.value) ?? shown[0] ?? null;
  select.addEventListener("change", () => {
    const unit = selected();
    if (unit) picked(unit);
  });
  return {
    show(target) {
      shown = units[target] ?? [];
      kind.textContent = target === "cmi5" ? "AU" : target === "xapi" ? "activity" : "SCO";
      select.replaceChildren(...shown.map((u, i) => new Option(`${i + 1}. ${u.title || u.id}`, u.id)));
      field.hidden = shown.length < 2;
    },
    selected,
  };
}
