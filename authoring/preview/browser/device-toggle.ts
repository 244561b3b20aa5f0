// The launch page's device width toggle: the course frame at a phone's width (375 px), a tablet's
// (768 px) or the whole stage, so an author sees the course as a learner on that device does. A group
// of radio buttons: Tab reaches it, the arrow keys change it.
export type DeviceWidth = "phone" | "tablet" | "desktop";

export function deviceToggle(group: HTMLElement, stage: HTMLElement): void {
  const apply = () => {
    const checked = group.querySelector<HTMLInputElement>('input[name="device"]:checked');
    stage.dataset.device = (checked?.value ?? "desktop") as DeviceWidth;
  };
  group.addEventListener("change", apply);
  apply();
}
