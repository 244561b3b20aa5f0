// The live log beside the course: follows /api/events (Server-Sent Events) and shows each event,
// refusals and flags in red, plus the LMS's current view of status, score and completion, with the
// grade the chosen LMS behaviour records next to the status; for a package with several units, each
// unit's result on its own and the course-level rollup (course-panel.ts).
import type { LmsView, LogEvent } from "../protocol";
import { renderCourse } from "./course-panel";
import { facts } from "./fact-list";

export function followLog(list: HTMLElement, view: HTMLElement): () => void {
  const source = new EventSource("/api/events");
  source.addEventListener("log", (message) => list.prepend(renderEvent(JSON.parse((message as MessageEvent<string>).data) as LogEvent)));
  source.addEventListener("view", (message) => renderView(view, JSON.parse((message as MessageEvent<string>).data) as LmsView));
  return () => source.close();
}

function renderEvent(event: LogEvent): HTMLElement {
  const item = document.createElement("li");
  item.className = `log-entry level-${event.level} kind-${event.kind}`;
  item.dataset.seq = String(event.seq);
  item.dataset.kind = event.kind;
  const time = document.createElement("time");
  time.dateTime = event.at;
  time.textContent = event.at.slice(11, 23);
  const tag = document.createElement("span");
  tag.className = "tag";
  tag.textContent = event.kind;
  if (event.detail === undefined) {
    const text = document.createElement("span");
    text.className = "summary";
    text.textContent = event.summary;
    item.append(time, tag, text);
    return item;
  }
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.className = "summary";
  summary.textContent = event.summary;
  const pre = document.createElement("pre");
  pre.textContent = JSON.stringify(event.detail, null, 2);
  details.append(summary, pre);
  item.append(time, tag, details);
  return item;
}

function renderView(container: HTMLElement, view: LmsView): void {
  const rows: [string, string][] = [
    ["Target", view.target],
    ["Learner", view.learnerId],
    ...(view.registration ? ([["Registration", view.registration]] as [string, string][]) : []),
    ["LMS behaviour", view.profile],
    ["Completion", view.completion],
    ["Success", view.success],
    ["Score", view.score],
    ["Grade", view.grade],
    ...Object.entries(view.facts),
  ];
  container.replaceChildren(facts(rows), ...(view.course ? renderCourse(view.course) : []));
}
