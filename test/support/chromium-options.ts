// How every Chromium of the tests is started: Debian's headless shell (the same Chromium build,
// Blink and V8, without the browser UI layer: about 15% less CPU per journey, docs/testing.md), with
// the flags this machine needs (no sandbox as root, no background networking on a closed network,
// media that plays by itself). PASSMARK_CHROMIUM runs the suite on another Chromium (the full browser:
// PASSMARK_CHROMIUM=/usr/bin/chromium); test/e2e/full-chromium.test.ts always drives the full one.
import type { LaunchOptions } from "playwright-core";

/** Debian's full Chromium, what a learner's browser is: test/e2e/full-chromium.test.ts and test/lms-detect/browser-cross-origin.test.ts use it. */
export const FULL_CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_PATH = process.env.PASSMARK_CHROMIUM ?? "/usr/bin/chromium-headless-shell";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--autoplay-policy=no-user-gesture-required",
  "--mute-audio",
];

export const CHROMIUM_OPTIONS: LaunchOptions = { executablePath: CHROMIUM_PATH, args: ARGS };

export const FULL_CHROMIUM_OPTIONS: LaunchOptions = { executablePath: FULL_CHROMIUM_PATH, args: ARGS };
