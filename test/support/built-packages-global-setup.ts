// Vitest global setup: one folder for the whole run where built packages are kept by content
// (built-package-cache.ts), so that each distinct course/target is built once per RUN, not once per
// worker process. Removed when the run ends.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), "passmark-run-built-"));
  project.provide("builtPackagesDir", dir);
  return () => rm(dir, { recursive: true, force: true });
}
