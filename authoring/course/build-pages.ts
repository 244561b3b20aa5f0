// Pages and their media → PageData: Markdown bodies read and rendered, media and captions packaged,
// ids unique across the course.
import path from "node:path";
import type { PlaceholderName } from "../../runtime/course/placeholders";
import type { MediaData, PageData, RichText } from "../../runtime/course/types";
import type { AuthorMedia, AuthorPage } from "./author-types";
import type { CourseFiles, ReferenceSite } from "./course-files";
import { renderMarkdown } from "./markdown";
import { pointer, type ProblemList } from "./problems";
import { readRegularFileSync } from "./regular-file";

const MEDIA_EXTENSIONS: Record<MediaData["kind"], string[]> = {
  video: [".mp4", ".m4v", ".webm", ".ogv", ".mov"],
  audio: [".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".webm", ".flac"],
};
const EMPTY: RichText = { html: "", text: "" };

export function buildPages(pages: AuthorPage[], file: string, files: CourseFiles, problems: ProblemList, placeholders: readonly PlaceholderName[]): PageData[] {
  const pageIds = new Map<string, number>();
  const mediaIds = new Map<string, string>();
  return pages.map((page, i) => {
    const at = pointer("pages", i);
    const first = pageIds.get(page.id);
    if (first !== undefined) problems.error(file, `${at}/id`, `expected a unique page id, found "${page.id}" already used by /pages/${first}`);
    else pageIds.set(page.id, i);
    const media = (page.media ?? []).map((m, j) => {
      const built = buildMedia(m, page, `${at}/media/${j}`, j, file, files, problems);
      const used = mediaIds.get(built.id);
      if (used !== undefined) problems.error(file, `${at}/media/${j}/id`, `expected a unique media id, found "${built.id}" already used at ${used}`);
      else mediaIds.set(built.id, `${at}/media/${j}`);
      return built;
    });
    return { id: page.id, title: page.title, body: buildBody(page, at, file, files, problems, placeholders), media };
  });
}

function buildBody(page: AuthorPage, at: string, file: string, files: CourseFiles, problems: ProblemList, placeholders: readonly PlaceholderName[]): RichText {
  const body = page.body;
  if (body === undefined) return EMPTY;
  if (typeof body !== "string") {
    return renderMarkdown(body.markdown, { file, path: `${at}/body/markdown`, baseDir: "" }, files, problems, placeholders);
  }
  const relative = files.resolve(body, { file, path: `${at}/body`, baseDir: "" }, "Markdown file");
  if (relative === null) return EMPTY;
  const read = readRegularFileSync(path.join(files.root, ...relative.split("/")));
  if (!read.ok) {
    problems.error(file, `${at}/body`, `expected the Markdown file "${relative}" to be a regular file, found ${read.found}`);
    return EMPTY;
  }
  const markdown = read.text.replace(/^\uFEFF/, "");
  return renderMarkdown(markdown, { file: relative, path: "", baseDir: path.posix.dirname(relative).replace(/^\.$/, "") }, files, problems, placeholders);
}

function buildMedia(m: AuthorMedia, page: AuthorPage, at: string, index: number, file: string, files: CourseFiles, problems: ProblemList): MediaData {
  const packaged = (reference: string, site: ReferenceSite, what: string): string => {
    const relative = files.resolve(reference, site, what);
    return relative === null ? "" : files.addAsset(relative, site);
  };
  const extension = path.posix.extname(m.src).toLowerCase();
  if (!MEDIA_EXTENSIONS[m.kind].includes(extension)) {
    problems.warning(
      file,
      `${at}/src`,
      `expected ${m.kind === "audio" ? "an" : "a"} ${m.kind} file (${MEDIA_EXTENSIONS[m.kind].join(", ")}), found "${m.src}": browsers may not play it`,
    );
  }
  let captions: string | null = null;
  if (m.captions !== undefined) {
    if (path.posix.extname(m.captions).toLowerCase() !== ".vtt") {
      problems.error(file, `${at}/captions`, `expected a WebVTT captions file ending in .vtt (the only format browsers show), found "${m.captions}"`);
    } else captions = packaged(m.captions, { file, path: `${at}/captions`, baseDir: "" }, "captions file");
  } else if (m.kind === "video") {
    problems.warning(file, at, 'video without "captions": learners who cannot hear it miss its content (add a .vtt file)');
  }
  const srcSite = { file, path: `${at}/src`, baseDir: "" };
  const source = files.resolve(m.src, srcSite, `${m.kind} file`);
  const media: MediaData = {
    id: m.id ?? `${page.id}-media-${index + 1}`,
    kind: m.kind,
    src: source === null ? "" : files.addAsset(source, srcSite),
    captions,
    title: m.title ?? page.title,
    watchedThreshold: m.watchedThreshold ?? 0.9,
  };
  // A video's display size, so that its player keeps its space before the video's metadata arrives.
  const size = m.kind === "video" && source !== null ? files.videoSize(source) : null;
  if (size !== null) Object.assign(media, size);
  return media;
}
