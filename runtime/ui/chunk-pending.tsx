// What shows until a lazily loaded chunk (lazy-chunk.ts) is there: "Loading…", or, when the load
// failed (the connection dropped), that it failed and a button to load it again — never a
// "Loading…" for ever. Inline within a screen (ChunkPending), or as the whole screen (ScreenPending).
import { useRef } from "preact/hooks";
import { useUi } from "./context";
import { useFocusOnChange } from "./focus";
import type { ChunkSlot } from "./lazy-chunk";

export function ChunkPending({ slot }: { slot: ChunkSlot<unknown> }) {
  const { i18n } = useUi();
  if (!slot.failed) return <p class="pm-hint pm-loading">{i18n.t("loading")}</p>;
  return (
    <div class="pm-hint" role="alert">
      <p>{i18n.t("chunkLoadFailed")}</p>
      <button type="button" class="pm-button" onClick={slot.retry}>
        {i18n.t("loadAgain")}
      </button>
    </div>
  );
}

/**
 * A screen whose code is still on its way: its heading, then "Loading…" or the failure. It takes the
 * focus as a screen would (focus.ts), so a keyboard or screen-reader user hears where they are and
 * that it is loading; the screen, once there, moves the focus to its own heading. "Load again" keeps
 * the focus here.
 */
export function ScreenPending({ slot, screen, heading }: { slot: ChunkSlot<unknown>; screen: string; heading: string }) {
  const box = useRef<HTMLElement>(null);
  useFocusOnChange(() => box.current, `pending-${screen}`);
  const retry = () => {
    box.current?.focus();
    slot.retry();
  };
  return (
    <section class="pm-screen" ref={box} tabIndex={-1} aria-labelledby="pm-pending-title">
      <h1 id="pm-pending-title">{heading}</h1>
      <ChunkPending slot={{ ...slot, retry }} />
    </section>
  );
}
