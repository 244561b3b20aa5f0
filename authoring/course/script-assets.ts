// Warns about SVG and HTML assets that carry script: opened from the package (a linked handout, an
// SVG opened on its own) it runs in the LMS's content origin, where the LMS API and the learner's
// session are within reach. Markdown is sanitised; assets are packaged as they are, so the author is
// told. A heuristic (the patterns below), read in chunks: memory stays bounded for any file size.
import { constants } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import type { PackageFile } from "./loaded-course";
import type { ProblemList } from "./problems";

/** Files a browser runs script in when they are opened: by extension, as LMS web servers serve them. */
const SCRIPTABLE = /\.(svg|html?|xhtml|xht)$/i;
export const SCAN_CHUNK_BYTES = 64 * 1024;
/** Each chunk is scanned with the end of the previous one, so a pattern split between two is found. */
const OVERLAP = 4096;

const PATTERNS: ReadonlyArray<{ re: RegExp; name: (m: RegExpExecArray) => string }> = [
  { re: /<script\b/i, name: () => "<script>" },
  { re: /<[a-z][^<>]*?[\s"'/](on[a-z]+)\s*=/i, name: (m) => `${m[1]!.toLowerCase()}=` },
  { re: /=\s*["']?\s*javascript\s*:/i, name: () => "javascript:" },
];

async function scriptFound(file: string): Promise<string[]> {
  const found = new Set<string>();
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!(await handle.stat()).isFile()) return [];
    const buffer = Buffer.alloc(SCAN_CHUNK_BYTES);
    let carry = "";
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, SCAN_CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      // latin1: one character per byte, so a multi-byte character split between chunks cannot hide ASCII markup.
      const text = carry + buffer.toString("latin1", 0, bytesRead);
      for (const { re, name } of PATTERNS) {
        const match = re.exec(text);
        if (match) found.add(name(match));
      }
      carry = text.slice(-OVERLAP);
    }
  } finally {
    await handle.close();
  }
  return [...found];
}

export async function warnAboutScriptAssets(assets: readonly PackageFile[], root: string, problems: ProblemList): Promise<void> {
  for (const asset of assets) {
    if (!SCRIPTABLE.test(asset.sourcePath)) continue;
    const found = await scriptFound(asset.sourcePath).catch(() => []);
    if (found.length === 0) continue;
    const file = path.relative(root, asset.sourcePath).split(path.sep).join("/");
    problems.warning(
      file,
      "",
      `contains script (${found.join(", ")}): opened from the package, it would run in the LMS's content origin, ` +
        "with the LMS API and the learner's session within reach. Remove the script (export the file again without " +
        "scripts or interactivity), or package a PNG or PDF instead",
    );
  }
}
