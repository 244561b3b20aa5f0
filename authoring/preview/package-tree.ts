// The course tree an LMS builds from a package's manifest, for the course-level rollup
// (course-rollup.ts): cmi5 course → blocks → AUs (cmi5 §13.1), SCORM organization → items with
// children (clusters) → SCOs, with each SCORM 2004 activity's rollup controls (imsss:rollupRules
// rollupObjectiveSatisfied / rollupProgressCompletion, imsss:deliveryControls tracked; SCORM 2004
// CAM 5.1). Leaves that are not launchable units (SCORM assets) are left out: they report nothing.
import { CMI5_NS, SCORM2004 } from "../manifest/namespaces";
import { attr, childElements, textOf, type ElementLike } from "../validate/dom";

export interface TreeNode {
  /** "course": the cmi5 course / SCORM organization; "block": a cmi5 block / SCORM cluster item; "unit": an AU / SCO. */
  kind: "course" | "block" | "unit";
  /** cmi5: the publisher's id (course, block or AU id); SCORM: the organization / item identifier. */
  id: string;
  title: string;
  children: TreeNode[];
  /** SCORM 2004: this activity's success counts in its parent's rollup (rollupObjectiveSatisfied, default true). */
  rollupSatisfied: boolean;
  /** SCORM 2004: its completion counts in its parent's rollup (rollupProgressCompletion, default true). */
  rollupCompletion: boolean;
  /** SCORM 2004: tracked (deliveryControls tracked, default true); an untracked activity counts for nothing. */
  tracked: boolean;
}

function node(kind: TreeNode["kind"], id: string, title: string, children: TreeNode[] = []): TreeNode {
  return { kind, id, title, children, rollupSatisfied: true, rollupCompletion: true, tracked: true };
}

/** cmi5.xml: the course, its blocks (nested as written) and AUs. */
export function cmi5Tree(doc: Document): TreeNode {
  const structure = doc.documentElement;
  const course = childElements(structure, CMI5_NS, "course")[0];
  const title = (element: ElementLike) => textOf(childElements(childElements(element, CMI5_NS, "title")[0] ?? element, CMI5_NS, "langstring")[0]);
  const walk = (parent: ElementLike): TreeNode[] =>
    elementChildren(parent).flatMap((child): TreeNode[] => {
      if (child.namespaceURI !== CMI5_NS) return [];
      if (child.localName === "au") return [node("unit", attr(child, "id") ?? "", title(child))];
      if (child.localName === "block") return [node("block", attr(child, "id") ?? "", title(child), walk(child))];
      return [];
    });
  return node("course", course ? (attr(course, "id") ?? "") : "", course ? title(course) : "", walk(structure));
}

/** imsmanifest.xml: the default organization's items; `units` are the launchable SCO item identifiers. */
export function scormTree(doc: Document, ns: string, organization: ElementLike | undefined, units: ReadonlySet<string>, is2004: boolean): TreeNode {
  const collection = is2004 ? (doc.getElementsByTagNameNS(SCORM2004.imsss, "sequencingCollection")[0] ?? null) : null;
  const walk = (parent: ElementLike): TreeNode[] =>
    childElements(parent, ns, "item").flatMap((item): TreeNode[] => {
      const id = attr(item, "identifier") ?? "";
      const title = textOf(childElements(item, ns, "title")[0]);
      const children = walk(item);
      let made: TreeNode;
      if (children.length > 0) made = node("block", id, title, children);
      else if (units.has(id)) made = node("unit", id, title);
      else return [];
      return [is2004 ? withControls(made, item, collection) : made];
    });
  const org = organization ?? null;
  return node("course", org ? (attr(org, "identifier") ?? "") : "", org ? textOf(childElements(org, ns, "title")[0]) : "", org ? walk(org) : []);
}

/** The item's rollup controls: its own imsss:sequencing first, then the sequencingCollection entry its IDRef names. */
function withControls(made: TreeNode, item: ElementLike, collection: ElementLike | null): TreeNode {
  const own = childElements(item, SCORM2004.imsss, "sequencing")[0] ?? null;
  const ref = own ? attr(own, "IDRef") : null;
  const shared = ref !== null && collection ? (childElements(collection, SCORM2004.imsss, "sequencing").find((s) => attr(s, "ID") === ref) ?? null) : null;
  const read = (element: string, name: string): string | null => {
    for (const sequencing of [own, shared]) {
      const found = sequencing ? childElements(sequencing, SCORM2004.imsss, element)[0] : undefined;
      const value = found ? attr(found, name) : null;
      if (value !== null) return value;
    }
    return null;
  };
  return {
    ...made,
    rollupSatisfied: read("rollupRules", "rollupObjectiveSatisfied") !== "false",
    rollupCompletion: read("rollupRules", "rollupProgressCompletion") !== "false",
    tracked: read("deliveryControls", "tracked") !== "false",
  };
}

function elementChildren(parent: ElementLike): ElementLike[] {
  const out: ElementLike[] = [];
  for (let i = 0; i < parent.childNodes.length; i++) {
    const child = parent.childNodes[i]! as ElementLike;
    if (child.nodeType === 1) out.push(child);
  }
  return out;
}

/** Every unit of the tree, in document order. */
export function unitsOf(tree: TreeNode): TreeNode[] {
  return tree.kind === "unit" ? [tree] : tree.children.flatMap(unitsOf);
}

/** Every block of the tree, in document order (outer before inner). */
export function blocksOf(tree: TreeNode): TreeNode[] {
  return tree.children.flatMap((child) => (child.kind === "block" ? [child, ...blocksOf(child)] : []));
}
