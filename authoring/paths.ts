// Where passmark's own files are at run time, both from the sources (vitest) and from the bundled
// CLI in dist/cli/ (in a clone or installed from npm): the package root is the nearest folder up whose
// package.json is named PACKAGE_NAME.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Our name on npm (package.json); the command it installs is `passmark`. */
export const PACKAGE_NAME = "@passmark/cli";

let cachedRoot: string | null = null;

export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const parsed: unknown = JSON.parse(readFileSync(manifest, "utf8"));
      if (typeof parsed === "object" && parsed !== null && (parsed as { name?: unknown }).name === PACKAGE_NAME) {
        cachedRoot = dir;
        return dir;
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`passmark: cannot find the passmark package root (package.json named "${PACKAGE_NAME}")`);
    dir = parent;
  }
}

/** The browser runtime built by build.mjs (passmark.cmi5.js, passmark.scorm12.js, …, their chunks, passmark.css). */
export function runtimeDistDir(): string {
  return join(packageRoot(), "dist", "runtime");
}

export function templatesDir(): string {
  return join(packageRoot(), "templates");
}

/** The SCORM schema sets every SCORM zip carries, kept in the repository (authoring/manifest/xsd/README.md). */
export function scormDefinitionFilesDir(): string {
  return join(packageRoot(), "authoring", "manifest", "xsd");
}

/** Schema files that passmark validate carries itself (see authoring/validate/schemas/README.md). */
export function ownSchemasDir(): string {
  return join(packageRoot(), "authoring", "validate", "schemas");
}
