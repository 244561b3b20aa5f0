// Choosing a radio of a group with the keyboard alone, for the keyboard-only browser tests: each
// key is waited for (expect.poll) before the DOM is read again to pick the next key.
import type { Page } from "playwright-core";
import type { ExpectStatic } from "vitest";
import { focused } from "./browser";

/**
 * In a radio group that has focus: arrow keys until `targetId` has focus, then Space if it is not
 * checked yet. After each key the test waits for what that key does (the arrow moves focus to the
 * next radio AND checks it; Space checks the focused one) before it reads the DOM to pick the next
 * key: on a busy machine a key read against the screen before it caught up went to the wrong place.
 */
export async function pickRadio(expect: ExpectStatic, page: Page, targetId: string): Promise<void> {
  const target = page.locator(`#${targetId}`);
  for (let i = 0; i < 10 && !(await target.isChecked()); i++) {
    const at = (await focused(page)).id;
    if (at === targetId) {
      await page.keyboard.press("Space");
      await expect.poll(() => target.isChecked(), { message: `Space checks ${targetId}` }).toBe(true);
    } else {
      await page.keyboard.press("ArrowDown");
      await expect
        .poll(() => page.evaluate((from) => document.activeElement?.id !== from && (document.activeElement as HTMLInputElement | null)?.checked === true, at), {
          message: `ArrowDown from ${at} moves to the next radio and checks it`,
        })
        .toBe(true);
    }
  }
  await expect.poll(() => target.isChecked(), { message: `${targetId} checked` }).toBe(true);
}
