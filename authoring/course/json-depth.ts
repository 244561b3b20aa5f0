// A bound on how deeply course.json may nest objects and lists, checked without recursion before
// anything else walks the value (ajv, error messages): a hostile file cannot exhaust the stack.

/** The deepest course.json passmark reads (docs/course-format.md); a real course uses about 9 levels. */
export const MAX_JSON_DEPTH = 32;

/**
 * Path segments of the first object or list nested more than `limit` deep (the top-level object is
 * level 1), or null when the value stays within the limit.
 */
export function tooDeep(value: unknown, limit: number = MAX_JSON_DEPTH): (string | number)[] | null {
  const stack: Array<{ value: unknown; path: (string | number)[] }> = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (path.length + 1 > limit) return path;
    const children: Array<[string | number, unknown]> = Array.isArray(current) ? current.map((v, i) => [i, v]) : Object.entries(current);
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, child] = children[i]!;
      if (child !== null && typeof child === "object") stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}
