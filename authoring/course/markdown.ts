// Author Markdown → RichText: rendered with marked, sanitised with sanitize-html for a package that
// runs under a strict CSP (no scripts, no event handlers, no style attributes, no javascript: URLs).
// Images and links to course files become packaged assets with zip-relative URLs; external links
// open in a new window so the LMS frame never navigates away from the course. Placeholders such as
// {passingScore} are kept for the runtime to fill (never inside code); unknown ones are errors. Deterministic.
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { findPlaceholders, isPlaceholderName, PLACEHOLDER_NAMES, type PlaceholderName } from "../../runtime/course/placeholders";
import type { RichText } from "../../runtime/course/types";
import type { CourseFiles, ReferenceSite } from "./course-files";
import type { ImageSize } from "./image-size";
import { closest } from "./did-you-mean";
import { markdownNestingProblem } from "./markdown-depth";
import type { ProblemList } from "./problems";

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = [
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "p",
  "br",
  "hr",
  "blockquote",
  "pre",
  "code",
  "kbd",
  "samp",
  "strong",
  "b",
  "em",
  "i",
  "del",
  "s",
  "sub",
  "sup",
  "mark",
  "small",
  "abbr",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "a",
  "img",
  "figure",
  "figcaption",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "span",
  "div",
];
const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  a: ["href", "title", "target", "rel"],
  img: ["src", "alt", "title", "width", "height"],
  ol: ["start"],
  th: ["align", "colspan", "rowspan", "scope"],
  td: ["align", "colspan", "rowspan"],
  abbr: ["title"],
  code: ["class"],
};
/** Inline fields (a choice, an ordering item, a matching source) sit inside a label: phrasing content, no links. */
const INLINE_TAGS = ["br", "code", "kbd", "samp", "strong", "b", "em", "i", "del", "s", "sub", "sup", "mark", "small", "abbr", "img", "span"];
const LINK_SCHEMES = ["http", "https", "mailto"];
/** Produced by marked itself for GFM task lists; dropped without a warning. */
const SILENTLY_DROPPED = new Set(["input"]);
const REMOVED = "passmark-removed";
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Render author Markdown; problems (missing images, removed markup, unknown placeholders) are
 * reported against `site`. `placeholders` are the names this course can fill (none without an assessment).
 * `inline`: one line of phrasing content (a choice's label), its plain text with each image's alt text.
 * `altRequired`: an image without alt text is an error, not a warning (in questions, where it may be the answer).
 */
export function renderMarkdown(
  markdown: string,
  site: ReferenceSite,
  files: CourseFiles,
  problems: ProblemList,
  placeholders: readonly PlaceholderName[],
  options: MarkdownOptions = {},
): RichText {
  // Bounded nesting first: marked recurses once per level (markdown-depth.ts).
  const tooDeep = markdownNestingProblem(markdown);
  if (tooDeep !== null) {
    problems.error(site.file, site.path, tooDeep);
    return { html: "", text: "" };
  }
  let rendered: string;
  try {
    rendered = options.inline ? marked.parseInline(markdown, { async: false }) : marked.parse(markdown, { async: false });
  } catch (error) {
    // Past the check above only a nesting it does not see could exhaust the stack: still the author's input.
    if (!(error instanceof RangeError)) throw error;
    problems.error(site.file, site.path, "Markdown nested too deeply to render: flatten block quotes, lists and emphasis");
    return { html: "", text: "" };
  }
  // A Markdown file of its own (no JSON path) gets line numbers: the first line holding what a problem quotes.
  const lines = site.path === "" ? markdown.split("\n") : null;
  const lineOf = (...needles: string[]): number | undefined => {
    if (lines === null) return undefined;
    for (const needle of needles.filter(Boolean)) {
      const lower = needle.toLowerCase();
      const index = lines.findIndex((l) => l.toLowerCase().includes(lower));
      if (index !== -1) return index + 1;
    }
    return undefined;
  };
  const report = (message: string, ...needles: string[]): void => problems.warning(site.file, site.path, message, lineOf(...needles));
  const allowedTags = options.inline ? INLINE_TAGS : ALLOWED_TAGS;

  /** The packaged file's URL in the zip and its course-relative path, or null (reported). */
  const toAsset = (reference: string, what: string): { url: string; relative: string } | null => {
    const hash = reference.indexOf("#");
    const fragment = hash === -1 ? undefined : reference.slice(hash + 1);
    const withoutFragment = hash === -1 ? reference : reference.slice(0, hash);
    const target = safeDecode(withoutFragment.split("?", 1)[0] ?? "");
    const at = { ...site, line: lineOf(reference, target) };
    const relative = files.resolve(target, at, what);
    if (relative === null) return null;
    return { url: encodeZipPath(files.addAsset(relative, at)) + (fragment !== undefined ? `#${fragment}` : ""), relative };
  };

  const html = sanitizeHtml(rendered, {
    allowedTags,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedClasses: { code: ["language-*"] },
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    onOpenTag: (name, attribs) =>
      warnAboutRemovals(name, attribs, allowedTags, (message, quoted) =>
        report(message, ...(quoted !== undefined ? [quoted] : []), `<${name} `, `<${name}>`, `<${name}/`),
      ),
    // Code is shown as written: its braces become &#123; so that no placeholder is found or filled there.
    textFilter: (text, tagName) => (tagName === "code" || tagName === "pre" ? text.replace(/\{/g, "&#123;") : text),
    transformTags: {
      img: (tagName, attribs) => {
        const src = attribs.src ?? "";
        const alt = attribs.alt ?? "";
        if (!src) return { tagName: REMOVED, attribs: {} };
        if (HAS_SCHEME.test(src) && !/^javascript:/i.test(src)) {
          problems.error(
            site.file,
            site.path,
            `expected the image as a file in the course folder (the package runs offline under a strict content security policy), found ${JSON.stringify(src)}`,
            lineOf(src),
          );
          return { tagName: REMOVED, attribs: {} };
        }
        if (HAS_SCHEME.test(src)) return { tagName: REMOVED, attribs: {} };
        const asset = toAsset(src, "image");
        if (asset === null) return { tagName: REMOVED, attribs: {} };
        if (alt.trim() === "") {
          const message = `image "${src}" has no alt text: describe it for screen readers, e.g. ![A red fire extinguisher](${src})`;
          if (options.altRequired) problems.error(site.file, site.path, message, lineOf(src, safeDecode(src)));
          else report(message, src, safeDecode(src));
        }
        const sized = withSize(attribs, files.imageSize(asset.relative));
        return { tagName, attribs: keep({ ...sized, src: asset.url }, ["src", "alt", "title", "width", "height"]) };
      },
      a: (tagName, attribs) => {
        const href = attribs.href ?? "";
        const kept = keep(attribs, ["href", "title"]);
        if (href === "" || href.startsWith("#")) return { tagName, attribs: kept };
        if (/^https?:/i.test(href)) return { tagName, attribs: { ...kept, target: "_blank", rel: "noopener noreferrer" } };
        if (HAS_SCHEME.test(href) || href.startsWith("//")) return { tagName, attribs: kept }; // mailto kept, others stripped
        const linked = toAsset(href, "linked file");
        if (linked === null) return { tagName, attribs: keep(attribs, ["title"]) };
        return { tagName, attribs: { ...kept, href: linked.url, target: "_blank", rel: "noopener" } };
      },
    },
  });
  checkPlaceholders(html, placeholders, (message, name) => problems.error(site.file, site.path, message, lineOf(`{${name}}`)));
  return { html: html.trim(), text: plainText(options.inline ? withAltText(html) : html) };
}

export interface MarkdownOptions {
  inline?: boolean;
  altRequired?: boolean;
}

/** Each image replaced by its alt text (sanitised HTML: attribute values are quoted and escaped). */
function withAltText(html: string): string {
  return html.replace(/<img\b[^>]*>/g, (tag) => / alt="([^"]*)"/.exec(tag)?.[1] ?? "");
}

/** Every `{name}` left in the sanitised HTML must be one this course fills: an error otherwise, once per name. */
function checkPlaceholders(html: string, available: readonly PlaceholderName[], error: (message: string, name: string) => void): void {
  const names = [...new Set(findPlaceholders(html).map((p) => p.name))];
  for (const name of names) {
    if (isPlaceholderName(name)) {
      if (!available.includes(name)) error(`{${name}} needs an assessment: this course has none, so there is no passing score to show`, name);
      continue;
    }
    const suggestion = closest(name, [...PLACEHOLDER_NAMES]);
    const hint = suggestion ? ` (did you mean {${suggestion}}?)` : "";
    error(
      `unknown placeholder {${name}}${hint}: expected ${PLACEHOLDER_NAMES.map((n) => `{${n}}`).join(", ")}. ` +
        "To show braces as written, put them in code (`{x}`) or add spaces ({ x })",
      name,
    );
  }
}

/** `report` gets what the author wrote (`onclick=`, the URL) too, to find the line. */
function warnAboutRemovals(name: string, attribs: Record<string, string>, allowedTags: string[], report: (message: string, attribute?: string) => void): void {
  if (!allowedTags.includes(name)) {
    if (!SILENTLY_DROPPED.has(name) && name !== REMOVED) {
      report(
        `removed <${name}>: ${allowedTags === INLINE_TAGS ? "a choice or item allows only inline Markdown (emphasis, code, images)" : "it is not allowed in course content"}`,
      );
    }
    return;
  }
  const allowed = ALLOWED_ATTRIBUTES[name] ?? [];
  for (const [attribute, value] of Object.entries(attribs)) {
    if (!allowed.includes(attribute)) {
      const why = /^on/i.test(attribute) ? "scripts are" : attribute === "style" ? "inline styles are" : "this attribute is";
      report(`removed the ${attribute} attribute of <${name}>: ${why} not allowed in course content`, `${attribute}=`);
    } else if ((attribute === "href" || attribute === "src") && value.trim().startsWith("//")) {
      report(`removed the ${attribute} "${value}" of <${name}>: write the scheme (https://…) in full`, value);
    } else if ((attribute === "href" || attribute === "src") && HAS_SCHEME.test(value.trim())) {
      const scheme = value.trim().split(":", 1)[0]!.toLowerCase();
      if (!LINK_SCHEMES.includes(scheme) || (name === "img" && scheme === "javascript")) {
        report(`removed the ${attribute} "${value}" of <${name}>: ${scheme}: URLs are not allowed in course content`, value);
      }
    }
  }
}

/**
 * The image's width and height as the author gave them, completed from its intrinsic size: both when
 * the author gave neither, the other one in proportion when the author gave one in pixels. With both,
 * the browser keeps the image's space before it arrives (docs/course-format.md "Images").
 */
function withSize(attribs: Record<string, string>, size: ImageSize | null): Record<string, string> {
  if (size === null) return attribs;
  const { width, height } = attribs;
  const pixels = (value: string | undefined) => (value !== undefined && /^\s*[1-9]\d{0,4}\s*$/.test(value) ? Number(value) : null);
  if (width === undefined && height === undefined) return { ...attribs, width: String(size.width), height: String(size.height) };
  const givenWidth = pixels(width);
  if (height === undefined && givenWidth !== null) return { ...attribs, height: String(Math.max(1, Math.round((givenWidth * size.height) / size.width))) };
  const givenHeight = pixels(height);
  if (width === undefined && givenHeight !== null) return { ...attribs, width: String(Math.max(1, Math.round((givenHeight * size.width) / size.height))) };
  return attribs;
}

function keep(attribs: Record<string, string>, names: string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of names) if (attribs[name] !== undefined) kept[name] = attribs[name]!;
  return kept;
}

function safeDecode(reference: string): string {
  try {
    return decodeURIComponent(reference);
  } catch {
    return reference;
  }
}

/** A zip path as a URL relative to index.html: each segment percent-encoded. */
export function encodeZipPath(zipPath: string): string {
  return zipPath.split("/").map(encodeURIComponent).join("/");
}

const BLOCK_BOUNDARY = /<\/?(?:h[1-6]|p|br|hr|blockquote|pre|li|dt|dd|tr|th|td|caption|figcaption|div|ul|ol|dl|table)\b[^>]*>/g;

/** Plain text of sanitised HTML (sanitize-html's output escapes only & < > "; code braces are &#123;): one line, single spaces. */
export function plainText(html: string): string {
  return html
    .replace(BLOCK_BOUNDARY, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#123;/g, "{")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
