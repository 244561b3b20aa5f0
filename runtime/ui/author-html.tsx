// Author content: HTML that authoring rendered from Markdown and sanitised at build time
// (authoring/course/markdown.ts: no scripts, no event handlers, no style attributes). It is the
// ONLY place the UI sets innerHTML; learner input is always rendered as text. Placeholders such as
// {passingScore} are filled here with escaped text: the passing score the learner is judged against
// (the session view's; the build allows the placeholder only in a course with an assessment).
// Tables and code blocks scroll sideways on a narrow screen rather than split their words: each is
// a tab stop so that a keyboard can scroll it (WCAG 2.2 SC 2.1.1).
import { useLayoutEffect, useRef } from "preact/hooks";
import { fillPlaceholders } from "../course/placeholders";
import type { RichText } from "../course/types";
import { useUi } from "./context";

interface Props {
  text: RichText;
  lang: string;
  class?: string;
  id?: string;
}

function useFilled(html: string): string {
  const { session, i18n } = useUi();
  const passing = session.view().assessment?.passingScore;
  return passing === undefined ? html : fillPlaceholders(html, { passingScore: i18n.percent(passing) });
}

export function AuthorHtml({ text, lang, class: className, id }: Props) {
  const html = useFilled(text.html);
  const prose = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    for (const scroller of prose.current?.querySelectorAll<HTMLElement>("table, pre") ?? []) scroller.tabIndex = 0;
  }, [html]);
  return <div ref={prose} class={className ? `pm-prose ${className}` : "pm-prose"} lang={lang} id={id} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A choice, item or matching source: its inline HTML (emphasis, code, images) when the build kept one, else its text. */
export function AuthorInline({ html, text }: { html?: string | undefined; text: string }) {
  const filled = useFilled(html ?? "");
  return html === undefined ? <>{text}</> : <span class="pm-inline" dangerouslySetInnerHTML={{ __html: filled }} />;
}
