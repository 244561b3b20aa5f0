// WCAG 2.4.3: when the screen changes, focus moves to its heading (tabindex=-1), so keyboard and
// screen-reader users start reading the new content. The first screen after load keeps the
// browser's natural start. The move happens in the same commit as the new screen (a layout
// effect, not one after paint): a key pressed once the new screen is in the DOM can never be
// overtaken by a late focus move that sends it somewhere else.
import { useLayoutEffect } from "preact/hooks";

let firstScreen = true;

/** Focus `target()` whenever `key` changes (not on the very first screen of the page). */
export function useFocusOnChange(target: () => HTMLElement | null, key: string): void {
  useLayoutEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    const element = target();
    if (!element) return;
    if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
    element.focus();
  }, [key]);
}
