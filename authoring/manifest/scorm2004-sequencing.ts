// The imsss:sequencing of one unit's item in a multi-unit SCORM 2004 manifest (SCORM 2004 SN;
// docs/multi-unit.md "SCORM 2004"): the mastery score as the primary objective's measure, a
// content-only unit left out of the course's success rollup, and `requires` as a precondition that
// reads the required unit's satisfied status through a global shared objective.
import { create } from "xmlbuilder2";
import { scaledMastery } from "./ids";
import { SCORM2004 } from "./namespaces";
import type { CourseOutline, UnitOutline } from "./outline";
import { PRIMARY_OBJECTIVE_ID } from "./scorm-common";
import { requiredUnitIds, unitById, unitGlobalObjectiveId } from "./unit-ids";

type XMLBuilder = ReturnType<typeof create>;

const ss = SCORM2004.imsss;

/** The local objective of a requiring unit that mirrors the satisfied status of the unit it requires. */
export function requiresObjectiveId(requiredUnitId: string): string {
  return `requires-${requiredUnitId}`;
}

/**
 * Whether the LMS, not the SCO, sets the unit's satisfied status: a content-only unit that another
 * unit requires. Its SCO reports no success_status; with objectiveSetByContent="false" the LMS
 * marks the primary objective satisfied when an attempt ends without being suspended (SCORM 2004 SN
 * End Attempt Process), and the runtime exits with "suspend" until the content is completed.
 */
export function lmsSetsSatisfaction(unit: UnitOutline, required: ReadonlySet<string>): boolean {
  return !unit.hasAssessment && unit.id !== null && required.has(unit.id);
}

/** Writes the unit item's imsss:sequencing, children in schema order (imsss_v1p0.xsd sequencingType). */
export function writeUnitSequencing(item: XMLBuilder, course: CourseOutline, unit: UnitOutline): void {
  const required = requiredUnitIds(course);
  const sequencing = item.ele(ss, "imsss:sequencing");

  // `requires`: the item is disabled (not delivered by choice or flow) until every required unit's
  // objective is known and satisfied. "not satisfied" alone would let an unknown status through in
  // LMSs that evaluate it as unknown, so both are tested.
  if (unit.requires.length > 0) {
    const conditions = sequencing
      .ele(ss, "imsss:sequencingRules")
      .ele(ss, "imsss:preConditionRule")
      .ele(ss, "imsss:ruleConditions")
      .att("conditionCombination", "any");
    for (const id of unit.requires) {
      for (const condition of ["satisfied", "objectiveStatusKnown"]) {
        conditions.ele(ss, "imsss:ruleCondition").att("referencedObjective", requiresObjectiveId(id)).att("operator", "not").att("condition", condition);
      }
    }
    conditions.up().ele(ss, "imsss:ruleAction").att("action", "disabled");
  }

  // A content-only unit has no score and no success of its own: it counts for the course's
  // completion, not for its success or its score (SN rollup: rollupObjectiveSatisfied, measure weight).
  if (!unit.hasAssessment) {
    sequencing.ele(ss, "imsss:rollupRules").att("rollupObjectiveSatisfied", "false").att("objectiveMeasureWeight", "0");
  }

  const mastery = unit.hasAssessment ? unit.reporting.masteryScore : null;
  const isRequired = unit.id !== null && required.has(unit.id);
  if (mastery !== null || isRequired || unit.requires.length > 0) {
    const objectives = sequencing.ele(ss, "imsss:objectives");
    const primary = objectives.ele(ss, "imsss:primaryObjective").att("objectiveID", PRIMARY_OBJECTIVE_ID);
    if (mastery !== null) {
      primary.att("satisfiedByMeasure", "true").ele(ss, "imsss:minNormalizedMeasure").txt(scaledMastery(mastery));
    }
    if (isRequired) {
      primary
        .ele(ss, "imsss:mapInfo")
        .att("targetObjectiveID", unitGlobalObjectiveId(unit))
        .att("readSatisfiedStatus", "false")
        .att("readNormalizedMeasure", "false")
        .att("writeSatisfiedStatus", "true");
    }
    for (const id of unit.requires) {
      objectives
        .ele(ss, "imsss:objective")
        .att("objectiveID", requiresObjectiveId(id))
        .ele(ss, "imsss:mapInfo")
        .att("targetObjectiveID", unitGlobalObjectiveId(unitById(course, id)))
        .att("readSatisfiedStatus", "true")
        .att("readNormalizedMeasure", "false");
    }
  }

  sequencing
    .ele(ss, "imsss:deliveryControls")
    .att("completionSetByContent", "true")
    .att("objectiveSetByContent", lmsSetsSatisfaction(unit, required) ? "false" : "true");
}
