// The CourseOutline the manifest writers read (authoring/manifest/outline.ts), from a loaded course:
// a single-unit course gives singleUnitOutline (the ids and launch every earlier build wrote); a
// course with units gives one launchable unit per unit (launched with ?pmUnit=<id>) and its blocks.
import { singleUnitOutline, type CourseOutline } from "../manifest/outline";
import { unitLaunchQuery } from "../manifest/unit-ids";
import type { LoadedCourse } from "./loaded-course";

/** LMS catalogues show the description: an empty one falls back to the title. */
function shown(description: string, title: string): string {
  return description.trim() === "" ? title : description;
}

export function courseOutline(course: LoadedCourse): CourseOutline {
  if (course.units === undefined) return singleUnitOutline(course.data);
  const { data } = course;
  return {
    id: data.id,
    title: data.title,
    description: shown(data.description, data.title),
    language: data.language,
    units: course.units.map((unit) => ({
      id: unit.id,
      activityId: unit.data.id,
      title: unit.data.title,
      description: shown(unit.data.description, unit.data.title),
      launchQuery: unitLaunchQuery(unit.id),
      reporting: unit.data.reporting,
      hasAssessment: unit.data.assessment !== null,
      requires: unit.requires,
      block: unit.block,
    })),
    blocks: (course.blocks ?? []).map((b) => ({ id: b.id, activityId: b.activityId, title: b.title, description: shown(b.description, b.title) })),
  };
}
