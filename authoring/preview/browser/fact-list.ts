// The LMS view's name → value lists: each value marked with its name (data-field) for tests and scripts.

export function facts(rows: readonly (readonly [string, string])[]): HTMLDListElement {
  const list = document.createElement("dl");
  for (const [name, value] of rows) {
    const dt = document.createElement("dt");
    dt.textContent = name;
    const dd = document.createElement("dd");
    dd.textContent = value;
    dd.dataset.field = name;
    list.append(dt, dd);
  }
  return list;
}
