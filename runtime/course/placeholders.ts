// Placeholders in author text, e.g. "{passingScore}": the build checks the names, the runtime fills
// them in the built HTML as TEXT (the value is escaped, so it can never add markup).

export const PLACEHOLDER_NAMES = ["passingScore"] as const;
export type PlaceholderName = (typeof PLACEHOLDER_NAMES)[number];
export type PlaceholderValues = Record<PlaceholderName, string>;

/** `{name}`: a letter, then letters and digits, no spaces. `{ x }` or `{a, b}` is ordinary text. */
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Every `{name}` in a text, in order, with where it starts. */
export function findPlaceholders(text: string): { name: string; index: number }[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1]!, index: m.index! }));
}

export function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDER_NAMES as readonly string[]).includes(name);
}

/**
 * Replace the known placeholders in sanitised author HTML with their values, escaped for HTML text
 * and double-quoted attributes alike; anything else is left as it is. Braces inside code were
 * written as `&#123;` at build time, so code is never filled.
 */
export function fillPlaceholders(html: string, values: PlaceholderValues): string {
  if (!html.includes("{")) return html;
  return html.replace(PLACEHOLDER, (whole, name: string) => (isPlaceholderName(name) ? escapeHtml(values[name]) : whole));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
