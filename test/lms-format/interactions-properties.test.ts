// Any response a learner can give yields reports every validator accepts (or null: "cannot be expressed").
import validateXapi from "@learninglocker/xapi-validation";
import type Scorm12APIClass from "scorm-again/scorm12";
import type Scorm2004APIClass from "scorm-again/scorm2004";
import * as scorm12Module from "scorm-again/scorm12";
import * as scorm2004Module from "scorm-again/scorm2004";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalResponse } from "../../runtime/assessment";
import { mulberry32 } from "../../runtime/assessment/prng";
import type { ScormInteraction } from "../../runtime/lms/scorm-common/interaction";
import { everyType } from "../assessment/fixtures";
import { someResponse } from "../assessment/simulate";
import { formattedReport } from "./formatted";

const Scorm12API = (scorm12Module as unknown as { Scorm12API: typeof Scorm12APIClass }).Scorm12API;
const Scorm2004API = (scorm2004Module as unknown as { Scorm2004API: typeof Scorm2004APIClass }).Scorm2004API;

function scorm2004Errors(s: ScormInteraction): string[] {
  const lms = new Scorm2004API({ logLevel: 5, autocommit: false });
  lms.Initialize("");
  const errors: string[] = [];
  const set = (k: string, v: string): void => {
    lms.SetValue(`cmi.interactions.0.${k}`, v);
    const code = String(lms.GetLastError());
    if (code !== "0") errors.push(`${k}=${JSON.stringify(v)}: ${code}`);
  };
  set("id", "q-1");
  set("type", s.type);
  s.correctPatterns.forEach((p, i) => set(`correct_responses.${i}.pattern`, p));
  if (s.response !== "") set("learner_response", s.response);
  return errors;
}

function scorm12Errors(s: ScormInteraction): string[] {
  const lms = new Scorm12API({ logLevel: 5, autocommit: false, mastery_override: false });
  lms.LMSInitialize("");
  const errors: string[] = [];
  const set = (k: string, v: string): void => {
    lms.LMSSetValue(`cmi.interactions.0.${k}`, v);
    const code = String(lms.LMSGetLastError());
    if (code !== "0") errors.push(`${k}=${JSON.stringify(v)}: ${code}`);
  };
  set("id", "q-1");
  set("type", s.type);
  s.correctPatterns.forEach((p, i) => set(`correct_responses.${i}.pattern`, p));
  if (s.response !== "") set("student_response", s.response);
  return errors;
}

describe("interaction reports for arbitrary responses", () => {
  it("are accepted by the xAPI validator and by scorm-again, or are null", () => {
    const questions = everyType();
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(
          fc.oneof(
            fc.string({ unit: "grapheme", maxLength: 300 }),
            fc.constantFrom("a[,]{x}", "[,]", "{", "{lang=en}", " x ", "a,b", "[.]", "x".repeat(260), "a\nb", "\u2028", "x\r\n\r\n y\u2029"),
          ),
          { maxLength: 3 },
        ),
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 3 }),
        (seed, texts, numbers) => {
          const random = mulberry32(seed);
          for (const q of questions) {
            const response = canonicalResponse(q, someResponse(q, random, { texts, numbers }));
            const report = formattedReport(q, response, { attemptNumber: 1, language: "en", latencyMs: 1000, timestamp: 0 });
            const statement = {
              actor: { mbox: "mailto:learner@example.org" },
              verb: { id: "http://adlnet.gov/expapi/verbs/answered" },
              object: { id: `https://example.org/au/q/${q.id}`, definition: report.xapi!.definition },
              result: { response: report.xapi!.response },
            };
            expect(validateXapi(statement)).toEqual([]);
            if (report.scorm2004) expect(scorm2004Errors(report.scorm2004), q.id).toEqual([]);
            if (report.scorm12) expect(scorm12Errors(report.scorm12), q.id).toEqual([]);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
