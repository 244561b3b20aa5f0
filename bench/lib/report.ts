// Benchmark results: one row per measured figure, an optional target, PASS/FAIL, and the Markdown
// table written to bench/results.md (and copied into the README's "Performance" section).

export interface ResultRow {
  /** Short name of the measure, e.g. "passmark runtime (JS+CSS), gzipped". */
  measure: string;
  /** Human-readable value, e.g. "23.4 KB", "512 ms (median of 5)". */
  value: string;
  /** The raw number behind `value` (bytes, ms, count, ratio), for results.json. */
  number: number | null;
  unit: string;
  /** The target this value is checked against, in words ("≤ 40 KB"); null when reported only. */
  target: string | null;
  /** PASS/FAIL against the target; null when there is no target. */
  pass: boolean | null;
  /** Runs behind a median, or anything else worth knowing. */
  note?: string;
}

export interface FigureResult {
  id: string;
  title: string;
  rows: ResultRow[];
  /** How it was measured, in a sentence or two. */
  method: string;
  /** Set when the figure could not be measured (the rest still runs). */
  error?: string;
  /** Machine and time of the measurement (set by bench/main.ts). */
  measuredOn?: string;
}

export function row(
  measure: string,
  number: number | null,
  unit: string,
  format: (n: number) => string,
  target?: { text: string; pass: boolean },
  note?: string,
): ResultRow {
  return {
    measure,
    value: number === null ? "n/a" : format(number),
    number,
    unit,
    target: target?.text ?? null,
    pass: target ? target.pass : null,
    ...(note ? { note } : {}),
  };
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (n: number): string => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const count = (n: number): string => String(n);
export const ratio = (n: number): string => `${n.toFixed(2)}×`;

function verdict(pass: boolean | null): string {
  return pass === null ? "—" : pass ? "PASS" : "**FAIL**";
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function markdownTable(figures: FigureResult[]): string {
  const lines = ["| Figure | Measure | Value | Target | Result |", "| --- | --- | --- | --- | --- |"];
  for (const figure of figures) {
    if (figure.error) lines.push(`| ${cell(figure.title)} | not measured | ${cell(figure.error)} | | — |`);
    for (const r of figure.rows) {
      const value = r.note ? `${r.value} (${r.note})` : r.value;
      lines.push(`| ${cell(figure.title)} | ${cell(r.measure)} | ${cell(value)} | ${cell(r.target ?? "")} | ${verdict(r.pass)} |`);
    }
  }
  return lines.join("\n");
}

export function methodNotes(figures: FigureResult[]): string {
  return figures.map((f) => `- **${f.title}**: ${f.method}`).join("\n");
}

export function printFigure(figure: FigureResult): void {
  console.log(`\n== ${figure.title}`);
  if (figure.error) console.log(`   NOT MEASURED: ${figure.error}`);
  for (const r of figure.rows) {
    const tag = r.pass === null ? "    " : r.pass ? "PASS" : "FAIL";
    console.log(`   ${tag}  ${r.measure}: ${r.value}${r.note ? ` (${r.note})` : ""}${r.target ? `   [target ${r.target}]` : ""}`);
  }
}
