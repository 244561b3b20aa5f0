// Vitest global setup: one Chromium for the whole run, which each browser suite connects to
// (test/support/chromium.ts) instead of starting and stopping a Chromium of its own per file.
import { chromium } from "playwright-core";
import type { TestProject } from "vitest/node";
import { CHROMIUM_OPTIONS } from "./chromium-options";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer(CHROMIUM_OPTIONS);
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
