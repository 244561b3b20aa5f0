// A number as a learner types it: "2.5", "2,5" (decimal comma), "-3" or "−3", " 4 ", "1 000" or "1,000.5".
// Returns null for anything else (empty, words, several numbers, exponents): never guess.
export function parseLearnerNumber(text: string): number | null {
  let t = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/^\u2212/, "-");
  if (t === "") return null;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t))
    t = t.replace(/,/g, ""); // 1,000.5
  else if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) && t.includes(","))
    t = t.replace(/\./g, "").replace(",", "."); // 1.000,5
  else t = t.replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  const value = Number(t);
  return Number.isFinite(value) ? value : null;
}
