// Watches a course folder for saves with node:fs watch: one non-recursive watcher per folder, so the
// folders it skips (the preview's .passmark/, the build's output, .git, node_modules) cost nothing —
// Node 20's recursive mode on Linux would watch every file below the root, those included. Folders
// made later are watched as they appear. A burst of events (an editor's write + rename, a save
// storm) is reported once, after `debounceMs` of quiet or at most `maxWaitMs` after its first event.
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";

export interface TreeWatchOptions {
  /** Called once per burst with the changed paths (absolute; a folder's path when the event names no file). */
  onChange(paths: string[]): void;
  /** A path (absolute) whose events are ignored and, when it is a folder, not watched. */
  ignore?(path: string): boolean;
  /** A folder that could not be watched, or the folder limit reached (the watch goes on without it). */
  onProblem?(message: string): void;
  /** Quiet time before a burst is reported (default 60 ms). */
  debounceMs?: number;
  /** Longest time a burst is held back (default 500 ms). */
  maxWaitMs?: number;
  /** Most folders watched at once (default 2,000): one inotify watch each. */
  maxFolders?: number;
}

export interface TreeWatcher {
  /** Folders watched now. */
  readonly folders: number;
  /** Stops every watcher and drops a burst not yet reported. */
  close(): void;
}

/** Editor by-products and tool folders that never hold course sources (hidden names, backups, node_modules). */
export function isNeverCourseSource(root: string, path: string): boolean {
  const rel = relative(root, path);
  if (rel === "") return false;
  return rel.split(sep).some((part) => part.startsWith(".") || part.endsWith("~") || part === "node_modules");
}

/** True when `path` is `folder` or inside it. */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export function watchTree(rootPath: string, options: TreeWatchOptions): TreeWatcher {
  const root = resolve(rootPath);
  const ignore = (path: string): boolean => isNeverCourseSource(root, path) || (options.ignore?.(path) ?? false);
  const debounceMs = options.debounceMs ?? 60;
  const maxWaitMs = options.maxWaitMs ?? 500;
  const maxFolders = options.maxFolders ?? 2000;
  const watchers = new Map<string, FSWatcher>();
  const pending = new Set<string>();
  let quiet: NodeJS.Timeout | null = null;
  let deadline: NodeJS.Timeout | null = null;
  let closed = false;
  let warnedLimit = false;

  const flush = (): void => {
    if (quiet) clearTimeout(quiet);
    if (deadline) clearTimeout(deadline);
    quiet = deadline = null;
    if (closed || pending.size === 0) return;
    const paths = [...pending];
    pending.clear();
    options.onChange(paths);
  };

  const unwatch = (folder: string): void => {
    for (const [path, watcher] of watchers) {
      if (isInside(folder, path)) {
        watcher.close();
        watchers.delete(path);
      }
    }
  };

  const add = (folder: string): void => {
    if (closed || watchers.has(folder) || ignore(folder)) return;
    if (watchers.size >= maxFolders) {
      if (!warnedLimit) options.onProblem?.(`more than ${maxFolders} folders: ${folder} and further folders are not watched`);
      warnedLimit = true;
      return;
    }
    let watcher: FSWatcher;
    try {
      watcher = watch(folder, { persistent: true }, (_event, name) => changed(folder, name === null ? null : String(name)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") options.onProblem?.(`${folder}: not watched (${(error as Error).message})`);
      return;
    }
    // A watched folder that goes away ends its watcher with an error on some systems: forget it.
    watcher.on("error", () => unwatch(folder));
    watchers.set(folder, watcher);
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return unwatch(folder);
    }
    for (const entry of entries) if (entry.isDirectory()) add(join(folder, entry.name));
  };

  const changed = (folder: string, name: string | null): void => {
    if (closed) return;
    const path = name === null ? folder : join(folder, name);
    if (ignore(path)) return;
    // A folder made (or moved in) is watched from now on; one removed is forgotten.
    if (path !== folder) {
      let isFolder = false;
      try {
        isFolder = statSync(path).isDirectory();
      } catch {
        if (watchers.has(path)) unwatch(path);
      }
      if (isFolder) add(path);
    }
    pending.add(path);
    if (quiet) clearTimeout(quiet);
    quiet = setTimeout(flush, debounceMs);
    deadline ??= setTimeout(flush, maxWaitMs);
  };

  add(root);
  if (!watchers.has(root)) throw new Error(`${root}: cannot watch this folder (${basename(root)} is missing or not a folder)`);
  return {
    get folders() {
      return watchers.size;
    },
    close() {
      closed = true;
      if (quiet) clearTimeout(quiet);
      if (deadline) clearTimeout(deadline);
      pending.clear();
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
