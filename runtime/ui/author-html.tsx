// Author content: HTML that authoring rendered from Markdown and sanitised at build time
// (authoring/course/markdown.ts: no scripts, no event handlers, no style attributes). It is the
// ONLY place the UI sets innerHTML; learner input is always rendered as text.
import type { RichText } from "../course/types";

interface Props {
  text: RichText;
  lang: string;
  class?: string;
  id?: string;
}

export function AuthorHtml({ text, lang, class: className, id }: Props) {
  return <div class={className ? `pm-prose ${className}` : "pm-prose"} lang={lang} id={id} dangerouslySetInnerHTML={{ __html: text.html }} />;
}
