// Debian Chromium for the preview and end-to-end suites: one browser per test file, one context
// per learner. Problems (console errors, page errors, CSP violations) are collected per page.
import type { Browser, BrowserContext, Page } from "playwright-core";

export { launchChromium } from "../../support/chromium";

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught exceptions and CSP violations, in order. */
  problems: string[];
}

export async function newWatchedPage(browser: Browser, options: { acceptDownloads?: boolean } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", acceptDownloads: options.acceptDownloads ?? false });
  const page = await context.newPage();
  return { page, context, problems: watch(page) };
}

export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error" && !/Content Security Policy/i.test(message.text())) return;
    const url = message.location().url;
    problems.push(`console ${message.type()}: ${message.text()}${url ? ` (${url})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}
