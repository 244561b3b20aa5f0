// course/units.json of a multi-unit package: the units a learner can open when the package is opened
// without a unit (no pmUnit, e.g. straight from the web server), written by `passmark build`.

/** Where the list lives, relative to index.html; absent from a single-unit package. */
export const UNIT_LIST_PATH = "course/units.json";

export interface UnitList {
  /** The course's title and BCP 47 language. */
  title: string;
  language: string;
  /** In course order; `id` is the value of the launch parameter (UNIT_PARAMETER). */
  units: { id: string; title: string }[];
}
