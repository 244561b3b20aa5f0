// The two reference AUs of the launch figure: a page that loads only the library and starts it as
// its README says, recording when the promise resolves (performance.now(), from navigation start).
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { bundleForBrowser } from "../lib/bundle";

export interface ReferenceAu {
  label: string;
  /** Page path under the bench mount, e.g. "xapi-cmi5.html". */
  page: string;
}

const RECORD = `
const w = window as unknown as { __benchReadyAt?: number; __benchError?: string };
const done = () => { w.__benchReadyAt = performance.now(); };
const failed = (e: unknown) => { w.__benchError = String(e); };`;

const SOURCES: Record<string, { label: string; source: string }> = {
  "xapi-cmi5": {
    label: "@xapi/cmi5 initialize()",
    source: `import Cmi5 from "@xapi/cmi5";${RECORD}
new Cmi5().initialize().then(done, failed);`,
  },
  "rustici-cmi5": {
    label: "@rusticisoftware/cmi5 start()",
    source: `import Cmi5 from "@rusticisoftware/cmi5";${RECORD}
new (Cmi5 as any)(location.href).start().then(done, failed);`,
  },
};

/** Bundles each reference AU and writes NAME.html + NAME.js into `dir`. */
export async function writeReferencePages(dir: string): Promise<ReferenceAu[]> {
  await mkdir(dir, { recursive: true });
  const pages: ReferenceAu[] = [];
  for (const [name, { label, source }] of Object.entries(SOURCES)) {
    await writeFile(join(dir, `${name}.js`), await bundleForBrowser(source));
    await writeFile(
      join(dir, `${name}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${label}</title><script src="${name}.js" defer></script></head><body><main id="au"></main></body></html>\n`,
    );
    pages.push({ label, page: `${name}.html` });
  }
  return pages;
}
