// Audio / video with native controls and captions; "watched" (progress only, never a score) once
// the played share reaches the medium's watchedThreshold (media-watch.ts).
import { useRef } from "preact/hooks";
import type { MediaData } from "../course/types";
import { useUi } from "./context";
import { playedSeconds, reachedThreshold } from "./media-watch";

interface Props {
  media: MediaData;
  watched: boolean;
  onWatched(): void;
}

export function MediaPlayer({ media, watched, onWatched }: Props) {
  const { session, i18n } = useUi();
  const element = useRef<HTMLMediaElement | null>(null);
  const check = () => {
    const el = element.current;
    if (!watched && el && reachedThreshold(playedSeconds(el.played), el.duration, media.watchedThreshold)) onWatched();
  };
  const lang = session.course.language;
  const captionId = `pm-media-${media.id}`;
  const common = {
    controls: true,
    preload: "metadata" as const,
    src: media.src,
    "aria-labelledby": captionId,
    onTimeUpdate: check,
    onEnded: check,
  };
  const track = media.captions ? <track kind="captions" src={media.captions} srcLang={lang} label={lang} default /> : null;
  return (
    <figure class="pm-media">
      <figcaption id={captionId}>
        {i18n.t("media", { title: media.title })}
        <span class={watched ? "pm-badge pm-done" : "pm-badge"}>{i18n.t(watched ? "mediaWatched" : "mediaNotWatched")}</span>
      </figcaption>
      {media.kind === "video" ? (
        // Its display size (read at build time) keeps its space before its metadata arrives: nothing below moves then.
        <video ref={(el) => void (element.current = el)} {...common} width={media.width} height={media.height}>
          {track}
        </video>
      ) : (
        <audio ref={(el) => void (element.current = el)} {...common}>
          {track}
        </audio>
      )}
    </figure>
  );
}
