// The structure of a multi-unit course (docs/course-format.md "Units"), checked after the schema:
// units instead of top-level pages/assessment, unique unit and block ids, each unit's block listed
// and its units listed together (cmi5.xml nests AUs inside their block, cmi5 §13.1.2), blocks not
// empty, and `requires` naming only units listed earlier (so there can be no cycle).
import type { AuthorCourse, AuthorUnit } from "./author-types";
import { closest } from "./did-you-mean";
import { pointer, type ProblemList } from "./problems";

/** Most units a course may list (schema/course.schema.json says the same). */
export const MAX_UNITS = 50;

function quoted(ids: readonly string[]): string {
  return ids.map((id) => `"${id}"`).join(", ");
}

function didYouMean(value: string, known: readonly string[]): string {
  const near = closest(value, [...known]);
  return near ? ` (did you mean "${near}"?)` : "";
}

export function checkUnitStructure(course: AuthorCourse, file: string, problems: ProblemList): void {
  const units = course.units;
  if (units === undefined) {
    if (course.blocks !== undefined) {
      problems.error(file, "/blocks", 'expected "blocks" only with "units" (a block groups units), found blocks in a course without units');
    }
    return;
  }
  for (const field of ["pages", "assessment"] as const) {
    if (course[field] === undefined) continue;
    problems.error(
      file,
      pointer(field),
      `expected either "units" or a top-level "${field}", found both: a course with units keeps its pages and assessment in its units (move "${field}" into one of them)`,
    );
  }
  const unitAt = checkUniqueIds(units, "units", "unit", file, problems);
  const blocks = course.blocks ?? [];
  const blockAt = checkUniqueIds(blocks, "blocks", "block", file, problems);
  checkBlocks(units, [...blockAt.keys()], file, problems);
  for (const [b, block] of blocks.entries()) {
    if (blockAt.get(block.id) === b && !units.some((u) => u.block === block.id)) {
      problems.error(
        file,
        pointer("blocks", b),
        `expected at least one unit in block "${block.id}", found none: cmi5.xml cannot hold an empty block (remove it or set "block": "${block.id}" on its units)`,
      );
    }
  }
  for (const [i, unit] of units.entries()) {
    for (const [j, required] of (unit.requires ?? []).entries()) {
      const at = pointer("units", i, "requires", j);
      const where = unitAt.get(required);
      if (required === unit.id) {
        problems.error(file, at, `expected the id of a unit listed before "${unit.id}", found "${required}", the unit itself`);
      } else if (where === undefined) {
        const earlier = units.slice(0, i).map((u) => u.id);
        problems.error(file, at, `"${required}" is not a unit listed before "${unit.id}": no unit has that id${didYouMean(required, earlier)}`);
      } else if (where > i) {
        problems.error(
          file,
          at,
          `"${required}" is not a unit listed before "${unit.id}": it is listed after it (/units/${where}); a unit can only require units listed earlier, so list "${required}" first`,
        );
      }
    }
  }
}

/** id → index of its first use; a repeated id is an error at its second use. */
function checkUniqueIds(items: readonly { id: string }[], list: string, what: string, file: string, problems: ProblemList): Map<string, number> {
  const first = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const used = first.get(item.id);
    if (used !== undefined) problems.error(file, pointer(list, i, "id"), `expected a unique ${what} id, found "${item.id}" already used by /${list}/${used}`);
    else first.set(item.id, i);
  }
  return first;
}

/** Each unit's block is listed, and the units of a block come one after another. */
function checkBlocks(units: readonly AuthorUnit[], blockIds: readonly string[], file: string, problems: ProblemList): void {
  const lastAt = new Map<string, number>(); // block id → index of the last unit seen in it
  for (const [i, unit] of units.entries()) {
    if (unit.block === undefined) continue;
    const at = pointer("units", i, "block");
    if (!blockIds.includes(unit.block)) {
      const listed = blockIds.length > 0 ? `one of the blocks listed in /blocks (${quoted(blockIds)})` : 'a block listed in "blocks" (there are none)';
      problems.error(file, at, `expected ${listed}, found "${unit.block}"${didYouMean(unit.block, blockIds)}`);
      continue;
    }
    const last = lastAt.get(unit.block);
    if (last !== undefined && last !== i - 1) {
      const between = units[last + 1]!;
      problems.error(
        file,
        at,
        `expected the units of block "${unit.block}" listed together, found /units/${last} in it, then /units/${last + 1} ("${between.id}") outside it: cmi5.xml nests a block's units inside the block, so move "${unit.id}" next to them`,
      );
    }
    lastAt.set(unit.block, i);
  }
}
