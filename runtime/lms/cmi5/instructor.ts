// The assessor of a rated task as an xAPI Agent for context.instructor (xAPI 1.0.3 §2.4.6 Context;
// cmi5 §9.6 leaves it free on every statement). One identifier only: mbox when the assessor gave an
// email address, otherwise an account under passmark's own home page (the identifier was typed in
// the course, not issued by the LMS).
import type { Assessor } from "../../assessment/outcome";
import type { Agent } from "../xapi/types";
import { ASSESSOR_HOME_PAGE } from "./statement-vocabulary";

/** The address form LRS validators accept in an mbox (e.g. @learninglocker/xapi-validation's mailto rule). */
const EMAIL = /^[A-Z0-9.`'_%+-]+@[A-Z0-9.-]+\.[A-Z]{1,63}$/i;

export function instructorAgent(assessor: Assessor): Agent {
  const id = assessor.id.trim();
  const name = assessor.name.trim();
  if (EMAIL.test(id)) return { objectType: "Agent", name, mbox: `mailto:${id}` };
  return { objectType: "Agent", name, account: { homePage: ASSESSOR_HOME_PAGE, name: id } };
}
