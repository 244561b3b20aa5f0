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

export function AuthorHtml({ text, lang, class: className, id }: Props) {
  const { session, i18n } = useUi();
  const passing = session.view().assessment?.passingScore;
  const html = passing === undefined ? text.html : fillPlaceholders(text.html, { passingScore: i18n.percent(passing) });
  const prose = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    for (const scroller of prose.current?.querySelectorAll<HTMLElement>("table, pre") ?? []) scroller.tabIndex = 0;
  }, [html]);
  return <div ref={prose} class={className ? `pm-prose ${className}` : "pm-prose"} lang={lang} id={id} dangerouslySetInnerHTML={{ __html: html }} />;
}
