// Chromium for every browser suite (UI, preview, end to end), started as chromium-options.ts says.
// One Chromium serves the whole run (chromium-global-setup.ts starts it): a suite's launchChromium()
// connects to it, and that suite's browser.close() closes the suite's own contexts and disconnects,
// leaving the other suites theirs. Without that global setup, launchChromium() starts its own.
import { chromium, type Browser } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM_OPTIONS, CHROMIUM_PATH } from "./chromium-options";

export { CHROMIUM_PATH };

declare module "vitest" {
  export interface ProvidedContext {
    /** The Playwright endpoint of the run's shared Chromium (chromium-global-setup.ts). */
    chromiumEndpoint?: string;
  }
}

export async function launchChromium(): Promise<Browser> {
  const endpoint = inject("chromiumEndpoint");
  return endpoint ? chromium.connect(endpoint) : chromium.launch(CHROMIUM_OPTIONS);
}
