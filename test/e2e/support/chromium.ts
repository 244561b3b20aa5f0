// Debian Chromium for the preview and end-to-end suites: one browser per test file, one context
// per learner. Problems (console errors, page errors, CSP violations) are collected per page.
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--autoplay-policy=no-user-gesture-required",
      "--mute-audio",
    ],
  });
}

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
