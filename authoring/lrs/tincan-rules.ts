// What the local LRS checks of a Tin Can launch's statements beyond the xAPI validator: they are about
// the launched actor (the same inverse functional identifier, xAPI 1.0.3 §2.4.2.1) and, when the launch
// had a registration, carry it. No cmi5 rule applies (no session id, categories or sequence).
import type { Statement } from "@xapi/xapi";
import type { Cmi5SessionInfo, RuleViolation } from "./cmi5-rules";
import { agentKey } from "./store";

export function checkTincanStatement(statement: Statement, launch: Cmi5SessionInfo): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (agentKey(statement.actor) !== agentKey(launch.actor)) {
    out.push({ rule: "tincan.actor", cite: "Tin Can launch", message: "the statement's actor is not the launched learner" });
  }
  const registration = statement.context?.registration;
  if (launch.registration !== "" && registration !== launch.registration) {
    out.push({ rule: "tincan.registration", cite: "Tin Can launch", message: `context.registration is ${registration ?? "missing"}, not the launch's` });
  }
  return out;
}
