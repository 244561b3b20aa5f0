// The course part of the LMS view (a package with several AUs / SCOs): the rollup of the course and
// of each block / cluster first, with the rule the LMS applies in words, then each unit's own result.
// Lists of definition lists, not a wide table, so it reads at 375 px and in a screen reader.
import type { CourseView, RollupEntry, UnitResult } from "../protocol";
import { facts } from "./fact-list";

export function renderCourse(course: CourseView): HTMLElement[] {
  const unitWord = course.target === "cmi5" ? "AU" : course.target === "xapi" ? "activity" : "SCO";
  const rollup = section("course-rollup", "Course rollup", course.rule);
  rollup.append(
    list(
      course.rollup.map((entry) =>
        item(entry.kind === "course" ? `Course: ${entry.title || entry.id}` : `Block: ${entry.title || entry.id}`, rollupRows(entry), { rollup: entry.id }),
      ),
    ),
  );
  const units = section("course-units", `Each ${unitWord} on its own`, null);
  units.append(list(course.units.map((unit) => item(`${unitWord}: ${unit.title || unit.id}`, unitRows(unit), { unit: unit.id }))));
  return [rollup, units];
}

function rollupRows(entry: RollupEntry): [string, string][] {
  return [
    ["Status", entry.status],
    ["Completion", entry.completion],
    ["Success", entry.success],
    ["How", entry.detail],
  ];
}

function unitRows(unit: UnitResult): [string, string][] {
  return [
    ["Completion", unit.completion],
    ["Success", unit.success],
    ["Score", unit.score],
    ["Rollup", unit.counts],
    ["Sessions", String(unit.sessions)],
  ];
}

function section(id: string, title: string, rule: string | null): HTMLElement {
  const element = document.createElement("section");
  element.className = "course-view";
  element.setAttribute("aria-labelledby", `${id}-heading`);
  const heading = document.createElement("h3");
  heading.id = `${id}-heading`;
  heading.textContent = title;
  element.append(heading);
  if (rule !== null) {
    const text = document.createElement("p");
    text.className = "rollup-rule";
    text.textContent = rule;
    element.append(text);
  }
  return element;
}

function list(items: HTMLElement[]): HTMLUListElement {
  const element = document.createElement("ul");
  element.className = "course-list";
  element.append(...items);
  return element;
}

function item(title: string, rows: [string, string][], data: Record<string, string>): HTMLLIElement {
  const element = document.createElement("li");
  Object.assign(element.dataset, data);
  const name = document.createElement("h4");
  name.textContent = title;
  element.append(name, facts(rows));
  return element;
}
