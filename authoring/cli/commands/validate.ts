// `passmark validate <zip>...`: check cmi5 / SCORM packages, ours or anyone's.
import { resolve } from "node:path";
import { errorsOf, formatReport, formatReportsJson, validatePackage, type ValidationReport } from "../../validate";
import { PackageNotFoundError } from "../../validate/validate-package";
import { expectPositionals, parseCommandArgs } from "../args";
import type { Command } from "../command";
import { EXIT } from "../exit-codes";
import { FileProblemError, type CliIo } from "../io";

export const validateCommand: Command = {
  name: "validate",
  summary: "check a cmi5 or SCORM zip (any author's) before uploading it",
  help: `Usage: passmark validate <zip>... [--json]

Checks each package:
  - cmi5.xml or imsmanifest.xml at the zip root, and no unsafe entry names
  - the manifest parses and is valid against the official schema of its standard and edition
    (cmi5 CourseStructure.xsd; SCORM 1.2, 2004 3rd or 4th edition)
  - every referenced file is in the zip, every identifierref resolves,
    no absolute, leading-slash or ".." hrefs
  - cmi5: absolute-IRI unique ids, moveOn and masteryScore values, AU urls relative and inside
    the zip or http(s) (javascript:, data:, file:… are errors), no reserved launch parameters
    (endpoint, fetch, actor, registration, activityId)
  - warnings for symbolic links stored in the zip and for a DOCTYPE in a manifest (its entities
    are never expanded)
Control characters in names and manifest text are printed escaped (\\x1b, \\u202e).
Every rule: docs/validate.md

Options:
  --json   print the reports as JSON (one array) instead of text`,
  async run(argv: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseCommandArgs("validate", argv, { json: { type: "boolean" } });
    expectPositionals("validate", positionals, ["zip"], true);
    const reports: ValidationReport[] = [];
    for (const zip of positionals) {
      try {
        reports.push({ ...(await validatePackage(resolve(io.cwd, zip))), zipPath: zip });
      } catch (error) {
        if (error instanceof PackageNotFoundError) throw new FileProblemError(`${zip}: ${error.message.slice(error.zipPath.length + 2)}`);
        throw error;
      }
    }
    if (values["json"] === true) io.out(formatReportsJson(reports));
    else for (const report of reports) io.out(formatReport(report));
    return reports.some((r) => errorsOf(r).length > 0) ? EXIT.problems : EXIT.ok;
  },
};
