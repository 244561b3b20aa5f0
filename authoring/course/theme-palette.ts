// The colours a course theme works with: the light scheme's (runtime/styles.css `:root`, repeated
// here so contrast can be checked without the built runtime; test/course/theme-palette.test.ts keeps
// the two equal), the dark scheme's, and the text/background pairs every theme must keep readable.

export type Scheme = "light" | "dark";
/** A colour of runtime/styles.css by its custom property name without "--" ("pm-text"), as "#rrggbb". */
export type Palette = Readonly<Record<string, string>>;

export const LIGHT_BASE: Palette = {
  "pm-text": "#1a1a1a",
  "pm-muted": "#4a4a4a",
  "pm-bg": "#fff",
  "pm-brand": "#0b5cad",
  "pm-brand-dark": "#084583",
  "pm-on-brand": "#fff",
  "pm-accent": "#0b5cad",
  "pm-line": "#767676",
  "pm-soft": "#f2f5f9",
  "pm-alert": "#8a1c00",
  "pm-alert-bg": "#fff1ec",
  "pm-ok": "#1d6b2f",
  "pm-notice-bg": "#fdf6d8",
  "pm-notice-line": "#8a6d00",
  "pm-off-bg": "#e6e6e6",
  "pm-off-line": "#8c8c8c",
};

/** The dark scheme (theme.colorScheme "dark" or "auto"): every colour, AA like the light one. */
export const DARK_BASE: Palette = {
  "pm-text": "#ececec",
  "pm-muted": "#bdbdbd",
  "pm-bg": "#121212",
  "pm-brand": "#8ab8f0",
  "pm-brand-dark": "#a7caf4",
  "pm-on-brand": "#121212",
  "pm-accent": "#8ab8f0",
  "pm-line": "#8a8a8a",
  "pm-soft": "#1e2530",
  "pm-alert": "#ff9e87",
  "pm-alert-bg": "#2d1510",
  "pm-ok": "#7fd492",
  "pm-notice-bg": "#2a2410",
  "pm-notice-line": "#d4b13d",
  "pm-off-bg": "#2a2a2a",
  "pm-off-line": "#7a7a7a",
};

/** A pair the learner must be able to tell apart: `fg` on `bg`, at least `min`:1 (WCAG 2.2 AA). */
export interface ContrastPair {
  fg: string;
  bg: string;
  min: number;
  /** Where the learner meets it, for the error message. */
  what: string;
  /** The theme field that sets `fg` or `bg`, if any: the one an error names. */
  field: "brand" | "accent" | null;
}

const TEXT = 4.5; // SC 1.4.3 Contrast (Minimum), normal text
const NON_TEXT = 3; // SC 1.4.11 Non-text Contrast: focus ring, progress bar, checked boxes, borders

/** Every pair of the stylesheet a colour of the palette appears in (fixed pairs too: a base palette must pass them). */
export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  { fg: "pm-brand", bg: "pm-bg", min: TEXT, what: "links and secondary buttons (the brand colour on the background)", field: "brand" },
  { fg: "pm-on-brand", bg: "pm-brand", min: TEXT, what: "button text on the brand colour", field: "brand" },
  { fg: "pm-on-brand", bg: "pm-brand-dark", min: TEXT, what: "button text on a hovered button", field: "brand" },
  {
    fg: "pm-accent",
    bg: "pm-bg",
    min: NON_TEXT,
    what: "the focus ring, progress bar and checked boxes (the accent colour on the background)",
    field: "accent",
  },
  { fg: "pm-accent", bg: "pm-soft", min: NON_TEXT, what: "the border of a chosen rating level (the accent colour on the soft background)", field: "accent" },
  { fg: "pm-text", bg: "pm-bg", min: TEXT, what: "text", field: null },
  { fg: "pm-text", bg: "pm-soft", min: TEXT, what: "text on the soft background", field: null },
  { fg: "pm-text", bg: "pm-notice-bg", min: TEXT, what: "text of a notice", field: null },
  { fg: "pm-muted", bg: "pm-bg", min: TEXT, what: "hints and details", field: null },
  { fg: "pm-muted", bg: "pm-off-bg", min: TEXT, what: "a disabled button's text", field: null },
  { fg: "pm-alert", bg: "pm-alert-bg", min: TEXT, what: "alerts", field: null },
  { fg: "pm-alert", bg: "pm-bg", min: TEXT, what: "errors and wrong answers", field: null },
  { fg: "pm-ok", bg: "pm-bg", min: TEXT, what: "right answers and the seen tick", field: null },
  { fg: "pm-line", bg: "pm-bg", min: NON_TEXT, what: "the borders of text fields", field: null },
];
