// Files a course refers to (Markdown bodies, images, media, captions): each reference must name an
// existing file INSIDE the course folder, spelt with the exact case (LMS servers are case-sensitive).
// Referenced assets are packaged under "assets/" in the zip; an image's own size is read for its
// <img> (image-size.ts), a video's for its <video> (video-size.ts). Only reads the disk, never writes.
import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { closest } from "./did-you-mean";
import type { PackageFile } from "./loaded-course";
import type { ProblemList } from "./problems";
import { describeFileKind } from "./regular-file";
import { readImageSize, type ImageSize } from "./image-size";
import { readVideoSize, type VideoSize } from "./video-size";

/** Where a reference was written: the file holding it, the JSON path in that file, its folder. */
export interface ReferenceSite {
  /** Course-relative file that holds the reference, e.g. "course.json" or "pages/intro.md". */
  file: string;
  path: string;
  /** Course-relative folder the reference is relative to ("" = the course folder). */
  baseDir: string;
  /** 1-based line of the reference in `file`, when known (Markdown files). */
  line?: number;
}

/** Folder, inside the zip, under which every author asset is packaged. */
export const ASSET_ROOT = "assets";

/** What every view of one course folder shares: the disk as read so far and the assets packaged. */
interface FolderState {
  realRoot: string;
  listings: Map<string, string[] | null>;
  assetsByZipPath: Map<string, string>;
  resolved: Map<string, { relative: string } | { problem: string }>;
  imageSizes: Map<string, ImageSize | VideoSize | null>;
}

export class CourseFiles {
  private readonly realRoot: string;
  private readonly listings: Map<string, string[] | null>;
  private readonly assetsByZipPath: Map<string, string>;
  private readonly resolved: Map<string, { relative: string } | { problem: string }>;
  private readonly imageSizes: Map<string, ImageSize | VideoSize | null>;

  constructor(
    readonly root: string,
    private readonly problems: ProblemList,
    private readonly state: FolderState = {
      realRoot: realpathSync(root),
      listings: new Map(),
      assetsByZipPath: new Map(),
      resolved: new Map(),
      imageSizes: new Map(),
    },
  ) {
    ({ realRoot: this.realRoot, listings: this.listings, assetsByZipPath: this.assetsByZipPath, resolved: this.resolved, imageSizes: this.imageSizes } = state);
  }

  /** The same folder and packaged assets (each packaged once), reporting into `problems` (a unit's). */
  reportingTo(problems: ProblemList): CourseFiles {
    return new CourseFiles(this.root, problems, this.state);
  }

  /**
   * The course-relative path (forward slashes) of an existing file, or null after reporting why the
   * reference is unusable. `what` names the thing in messages ("image", "captions file").
   */
  resolve(reference: string, site: ReferenceSite, what: string): string | null {
    // A course refers to the same few files many times (a logo on every page): check each once.
    const key = `${site.baseDir}\u0000${reference}\u0000${what}`;
    let outcome = this.resolved.get(key);
    if (outcome === undefined) {
      outcome = this.check(reference, site.baseDir, what);
      this.resolved.set(key, outcome);
    }
    if ("problem" in outcome) {
      this.problems.error(site.file, site.path, outcome.problem, site.line);
      return null;
    }
    return outcome.relative;
  }

  private check(reference: string, baseDir: string, what: string): { relative: string } | { problem: string } {
    const fail = (problem: string): { problem: string } => ({ problem });
    const found = JSON.stringify(reference);
    if (reference.trim() === "") return fail(`expected the path of the ${what}, found an empty text`);
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(reference) || reference.startsWith("//")) {
      return fail(`expected the ${what} as a file in the course folder (packages must be self-contained), found ${found}`);
    }
    if (reference.includes("\\")) return fail(`expected a path with "/" between folders, found ${found}`);
    if (reference.startsWith("/")) return fail(`expected a path relative to the course folder, found the absolute path ${found}`);
    const relative = path.posix.normalize(path.posix.join(baseDir || ".", reference));
    if (relative === ".." || relative.startsWith("../")) {
      return fail(`expected a path inside the course folder, found ${found}, which leads outside it`);
    }
    const absolute = path.join(this.root, ...relative.split("/"));
    let info;
    try {
      info = statSync(absolute);
    } catch {
      const miscased = this.caseMismatch(relative);
      if (miscased) return fail(this.caseMessage(relative, miscased));
      const near = this.nearName(relative);
      const hint = near !== null ? ` (did you mean "${near}"?)` : "";
      return fail(`${what} not found: expected the file "${relative}" in the course folder, found no such file${hint}`);
    }
    // A FIFO, device or socket would block or never end the build (regular-file.ts).
    if (!info.isFile()) return fail(`expected the ${what} "${relative}" to be a regular file, found ${describeFileKind(info)}`);
    const miscased = this.caseMismatch(relative);
    if (miscased) return fail(this.caseMessage(relative, miscased));
    const real = realpathSync(absolute);
    if (real !== this.realRoot && !real.startsWith(this.realRoot + path.sep)) {
      return fail(`expected the ${what} inside the course folder, found "${relative}" linking to ${real}`);
    }
    return { relative };
  }

  /** Package a resolved file; returns its path in the zip ("assets/…"). */
  addAsset(relative: string, site: ReferenceSite): string {
    const zipPath = relative.startsWith(ASSET_ROOT + "/") ? relative : `${ASSET_ROOT}/${relative}`;
    const holder = this.assetsByZipPath.get(zipPath);
    if (holder !== undefined && holder !== relative) {
      this.problems.error(site.file, site.path, `"${relative}" and "${holder}" would both be packaged as "${zipPath}": rename one of them`, site.line);
    }
    this.assetsByZipPath.set(zipPath, holder ?? relative);
    return zipPath;
  }

  /** The intrinsic size of a resolved image (image-size.ts), read once per file; null when it has none to read. */
  imageSize(relative: string, options: { proportionsOnly?: boolean } = {}): ImageSize | null {
    const key = `${options.proportionsOnly === true}\u0000${relative}`;
    let size = this.imageSizes.get(key);
    if (size === undefined) {
      size = readImageSize(path.join(this.root, ...relative.split("/")), options.proportionsOnly === true);
      this.imageSizes.set(key, size);
    }
    return size;
  }

  /** The display size of a resolved video (video-size.ts), read once per file; null when it has none to read. */
  videoSize(relative: string): VideoSize | null {
    const key = `video\u0000${relative}`;
    let size = this.imageSizes.get(key);
    if (size === undefined) {
      size = readVideoSize(path.join(this.root, ...relative.split("/")));
      this.imageSizes.set(key, size);
    }
    return size;
  }

  /** Every packaged asset, sorted by zip path (deterministic output). */
  assets(): PackageFile[] {
    return [...this.assetsByZipPath.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([zipPath, relative]) => ({ zipPath, sourcePath: path.join(this.root, ...relative.split("/")) }));
  }

  private caseMessage(relative: string, onDisk: string): string {
    return `expected "${relative}" spelt with the exact case of the file on disk, found it named "${onDisk}" (LMS servers are case-sensitive)`;
  }

  /** The on-disk spelling of the first path segment whose case differs, or null when all match. */
  private caseMismatch(relative: string): string | null {
    const segments = relative.split("/");
    let folder = "";
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      const names = this.listing(folder);
      if (names && !names.includes(segment)) {
        const actual = names.find((n) => n.toLowerCase() === segment.toLowerCase());
        if (actual) return [...segments.slice(0, i), actual].join("/");
      }
      folder = folder ? `${folder}/${segment}` : segment;
    }
    return null;
  }

  /**
   * For a path that does not exist: the same path with its first missing segment replaced by the
   * nearest name in that folder ("pages/intro.md" → "pages/intro.markdown"), or null.
   */
  private nearName(relative: string): string | null {
    const segments = relative.split("/");
    let folder = "";
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i]!;
      const names = this.listing(folder);
      if (names === null) return null;
      if (!names.includes(segment)) {
        const near = closest(
          segment,
          names.filter((n) => !n.startsWith(".")),
        );
        return near === null ? null : [...segments.slice(0, i), near, ...segments.slice(i + 1)].join("/");
      }
      folder = folder ? `${folder}/${segment}` : segment;
    }
    return null;
  }

  private listing(folder: string): string[] | null {
    if (!this.listings.has(folder)) {
      let names: string[] | null = null;
      try {
        names = readdirSync(path.join(this.root, ...folder.split("/").filter(Boolean)));
      } catch {
        names = null;
      }
      this.listings.set(folder, names);
    }
    return this.listings.get(folder) ?? null;
  }
}
