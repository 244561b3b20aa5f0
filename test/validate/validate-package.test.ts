// `passmark validate` (validatePackage): accepts our packages, and rejects hand-made broken ones,
// one fixture per rule. Fixtures are real zips built in the test from a real package.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackages } from "../../authoring/package/build-packages";
import { PackageNotFoundError, errorsOf, formatReport, validatePackage, type ValidationReport } from "../../authoring/validate";
import { ALL_TARGETS, type TargetId } from "../../runtime/course/types";
import { sampleLoadedCourse } from "../fixtures/packages/sample-course";
import { editText, patchEntryName, rezip, zipFiles, type PackageFiles } from "../fixtures/packages/rezip";

let work: string;
const ours = {} as Record<TargetId, string>;
let courseDir: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-validate-"));
  const course = await sampleLoadedCourse();
  courseDir = course.dir;
  for (const built of await buildPackages(course, { targets: ALL_TARGETS, outDir: join(work, "ours") })) {
    ours[built.target] = built.path;
  }
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  await rm(courseDir, { recursive: true, force: true });
});

let counter = 0;
async function broken(target: TargetId, mutate: (files: PackageFiles) => void): Promise<ValidationReport> {
  const path = await rezip(ours[target], join(work, `broken-${++counter}.zip`), mutate);
  return validatePackage(path);
}

function rules(report: ValidationReport): string[] {
  return errorsOf(report).map((p) => p.rule);
}

describe("our packages pass", () => {
  for (const target of ALL_TARGETS) {
    it(`${target}: no errors, no warnings`, async () => {
      const report = await validatePackage(ours[target]);
      expect(report.problems, formatReport(report)).toEqual([]);
      expect(report.kinds).toEqual([target]);
      expect(formatReport(report)).toContain("OK: no problems");
    });
  }
});

describe("package-level rules", () => {
  it("zip/unreadable: not a zip at all", async () => {
    const path = join(work, "not-a-zip.zip");
    await writeFile(path, "PK? no, just text");
    expect(rules(await validatePackage(path))).toEqual(["zip/unreadable"]);
  });

  it("a missing file is a usage error (PackageNotFoundError), not a report", async () => {
    await expect(validatePackage(join(work, "nope.zip"))).rejects.toBeInstanceOf(PackageNotFoundError);
  });

  it("package/no-manifest: neither cmi5.xml nor imsmanifest.xml", async () => {
    const report = await broken("cmi5", (f) => f.delete("cmi5.xml"));
    expect(rules(report)).toEqual(["package/no-manifest"]);
  });

  it("package/manifest-not-at-root: the folder was zipped instead of its contents", async () => {
    const report = await broken("scorm12", (f) => {
      const copy = new Map(f);
      f.clear();
      for (const [name, data] of copy) f.set(`my-course/${name}`, data);
    });
    expect(rules(report)).toEqual(["package/manifest-not-at-root"]);
    expect(errorsOf(report)[0]!.message).toContain("my-course/imsmanifest.xml");
  });

  it("zip/unsafe-entry-name: an entry that climbs out with ../", async () => {
    const path = await rezip(ours.cmi5, join(work, "unsafe.zip"), (f) => f.set("xx/evil.txt", Buffer.from("x")));
    await patchEntryName(path, "xx/evil.txt", "../evil.txt");
    expect(rules(await validatePackage(path))).toEqual(["zip/unsafe-entry-name"]);
  });

  it("zip/unreadable-entry: a manifest stored with a compression method nobody reads", async () => {
    const path = await rezip(ours.cmi5, join(work, "method.zip"), () => undefined);
    const bytes = await readFile(path);
    // Set the compression method of cmi5.xml to 12 (bzip2) in its local header and central directory record.
    for (const [signature, methodOffset] of [
      [0x04034b50, 8],
      [0x02014b50, 10],
    ] as const) {
      const nameOffset = signature === 0x04034b50 ? 30 : 46;
      for (let at = bytes.indexOf(Buffer.from("cmi5.xml")); at >= 0; at = bytes.indexOf(Buffer.from("cmi5.xml"), at + 1)) {
        const start = at - nameOffset;
        if (start >= 0 && bytes.readUInt32LE(start) === signature) bytes.writeUInt16LE(12, start + methodOffset);
      }
    }
    await writeFile(path, bytes);
    const report = await validatePackage(path);
    expect(rules(report)).toEqual(["zip/unreadable-entry"]);
  });

  it("manifest/not-well-formed: reports the line", async () => {
    const report = await broken("scorm2004-4", (f) => editText(f, "imsmanifest.xml", "</organizations>", "</organisations>"));
    expect(rules(report)).toContain("manifest/not-well-formed");
    expect(errorsOf(report)[0]!.line).toBeGreaterThan(1);
  });

  it("manifest/schema: SCORM 1.2 resource without its required type", async () => {
    const report = await broken("scorm12", (f) => editText(f, "imsmanifest.xml", ' type="webcontent"', ""));
    expect(rules(report)).toEqual(["manifest/schema"]);
    expect(errorsOf(report)[0]!.message).toContain("type");
  });

  it("manifest/schema: a 4th-edition-only element is rejected under a 3rd edition manifest", async () => {
    const report = await broken("scorm2004-3", (f) =>
      editText(f, "imsmanifest.xml", "<imsss:deliveryControls", '<adlcp:completionThreshold completedByMeasure="true"/><imsss:deliveryControls'),
    );
    expect(rules(report)).toContain("manifest/schema");
  });
});

describe("SCORM rules", () => {
  it("scorm/identifierref: an item pointing at no resource", async () => {
    const report = await broken("scorm2004-4", (f) => editText(f, "imsmanifest.xml", 'identifierref="RES-SCO-1"', 'identifierref="RES-GONE"'));
    expect(rules(report)).toEqual(["scorm/identifierref"]);
  });

  it("scorm/identifierref: organizations default naming no organization", async () => {
    const report = await broken("scorm12", (f) => editText(f, "imsmanifest.xml", 'default="ORG-1"', 'default="ORG-9"'));
    expect(rules(report)).toEqual(["scorm/identifierref"]);
  });

  it("scorm/identifierref: a dependency naming no resource", async () => {
    const report = await broken("scorm2004-3", (f) => editText(f, "imsmanifest.xml", "</resource>", '<dependency identifierref="RES-SHARED"/></resource>'));
    expect(rules(report)).toEqual(["scorm/identifierref"]);
  });

  it("scorm/missing-file: a listed file that is not in the zip", async () => {
    const report = await broken("scorm2004-4", (f) => f.delete("runtime/passmark.css"));
    expect(rules(report)).toEqual(["scorm/missing-file"]);
    expect(errorsOf(report)[0]!.message).toContain("runtime/passmark.css");
  });

  it("scorm/href/absolute-path: a leading slash", async () => {
    const report = await broken("scorm12", (f) => editText(f, "imsmanifest.xml", '<file href="course/course.json"/>', '<file href="/course/course.json"/>'));
    expect(rules(report)).toEqual(["scorm/href/absolute-path"]);
  });

  it("scorm/href/dot-dot: an href with ..", async () => {
    const report = await broken("scorm2004-4", (f) =>
      editText(f, "imsmanifest.xml", '<file href="course/course.json"/>', '<file href="assets/../course/course.json"/>'),
    );
    expect(rules(report)).toEqual(["scorm/href/dot-dot"]);
  });

  it("scorm/href/external: a file that is an absolute URL", async () => {
    const report = await broken("scorm2004-3", (f) =>
      editText(f, "imsmanifest.xml", '<file href="course/course.json"/>', '<file href="https://cdn.example.org/course.json"/>'),
    );
    expect(rules(report)).toEqual(["scorm/href/external"]);
  });

  it("scorm/launch-without-href: the launched resource has no href", async () => {
    const report = await broken("scorm12", (f) => editText(f, "imsmanifest.xml", ' href="index.html">', ">"));
    expect(rules(report)).toEqual(["scorm/launch-without-href"]);
  });

  it("scorm12/masteryscore: outside 0..100", async () => {
    const report = await broken("scorm12", (f) => editText(f, "imsmanifest.xml", "<adlcp:masteryscore>80<", "<adlcp:masteryscore>0.8x<"));
    expect(rules(report)).toEqual(["scorm12/masteryscore"]);
  });

  it("scorm/unknown-namespace: a manifest of some other standard", async () => {
    const report = await broken("scorm12", (f) =>
      editText(f, "imsmanifest.xml", 'xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"', 'xmlns="http://example.org/not-scorm"'),
    );
    expect(rules(report)).toEqual(["scorm/unknown-namespace"]);
  });

  it("xml:base is applied before hrefs are checked", async () => {
    const report = await broken("scorm12", (f) => {
      editText(f, "imsmanifest.xml", "<resources>", '<resources xml:base="content/">');
      const copy = new Map(f);
      for (const [name, data] of copy) {
        if (name === "index.html" || ["course/", "runtime/", "assets/"].some((folder) => name.startsWith(folder))) {
          f.delete(name);
          f.set(`content/${name}`, data);
        }
      }
    });
    expect(report.problems, formatReport(report)).toEqual([]);
  });
});

describe("findings point at the manifest line", () => {
  async function lineText(report: ValidationReport, target: TargetId, mutate: (f: PackageFiles) => void): Promise<string> {
    const [problem] = errorsOf(report);
    expect(problem?.line, formatReport(report)).toBeTypeOf("number");
    const files = new Map<string, Buffer>();
    await rezip(ours[target], join(work, `lines-${++counter}.zip`), (f) => {
      mutate(f);
      for (const [k, v] of f) files.set(k, v);
    });
    return files.get(problem!.file)!.toString("utf8").split("\n")[problem!.line! - 1]!;
  }

  it("a dangling identifierref (SCORM) and a reserved launch parameter (cmi5)", async () => {
    const scorm = (f: PackageFiles): void => editText(f, "imsmanifest.xml", 'identifierref="RES-SCO-1"', 'identifierref="RES-GONE"');
    expect(await lineText(await broken("scorm2004-4", scorm), "scorm2004-4", scorm)).toContain('identifierref="RES-GONE"');
    const cmi5 = (f: PackageFiles): void => editText(f, "cmi5.xml", "<url>index.html</url>", "<url>index.html?fetch=1</url>");
    expect(await lineText(await broken("cmi5", cmi5), "cmi5", cmi5)).toContain("<url>index.html?fetch=1</url>");
    const missing = (f: PackageFiles): void => void f.delete("assets/exit.png");
    expect(await lineText(await broken("scorm12", missing), "scorm12", missing)).toContain('<file href="assets/exit.png"/>');
  });
});

describe("cmi5 rules", () => {
  const AU = 'id="https://courses.example.org/fire-safety/au"';

  it("cmi5/id-not-absolute-iri: a relative AU id", async () => {
    const report = await broken("cmi5", (f) => editText(f, "cmi5.xml", AU, 'id="au-1"'));
    expect(rules(report)).toEqual(["cmi5/id-not-absolute-iri"]);
  });

  it("cmi5/duplicate-id: the AU reuses the course id", async () => {
    const report = await broken("cmi5", (f) => editText(f, "cmi5.xml", AU, 'id="https://courses.example.org/fire-safety"'));
    expect(rules(report)).toEqual(["cmi5/duplicate-id"]);
  });

  it("cmi5/move-on: a value outside the vocabulary (reported once, although the schema says so too)", async () => {
    const report = await broken("cmi5", (f) => editText(f, "cmi5.xml", 'moveOn="CompletedAndPassed"', 'moveOn="Always"'));
    expect(rules(report)).toEqual(["cmi5/move-on"]);
  });

  it("cmi5/mastery-score: above 1 (a percentage written by mistake; reported once)", async () => {
    const report = await broken("cmi5", (f) => editText(f, "cmi5.xml", 'masteryScore="0.8"', 'masteryScore="80"'));
    expect(rules(report)).toEqual(["cmi5/mastery-score"]);
  });

  it("cmi5/au-url-missing: the AU's file is not in the zip", async () => {
    const report = await broken("cmi5", (f) => editText(f, "cmi5.xml", "<url>index.html</url>", "<url>start.html?lang=en</url>"));
    expect(rules(report)).toEqual(["cmi5/au-url-missing"]);
  });

  it("cmi5/au-url-missing says when only the case differs", async () => {
    const report = await broken("cmi5", (f) => editText(f, "cmi5.xml", "<url>index.html</url>", "<url>Index.html</url>"));
    expect(rules(report)).toEqual(["cmi5/au-url-missing"]);
    expect(errorsOf(report)[0]!.message).toContain('the zip has "index.html"');
  });

  it("cmi5/au-url/absolute-path: a leading slash", async () => {
    const report = await broken("cmi5", (f) => editText(f, "cmi5.xml", "<url>index.html</url>", "<url>/index.html</url>"));
    expect(rules(report)).toEqual(["cmi5/au-url/absolute-path"]);
  });

  it("cmi5/au-url/dot-dot: a url leaving the package", async () => {
    const report = await broken("cmi5", (f) => editText(f, "cmi5.xml", "<url>index.html</url>", "<url>../index.html</url>"));
    expect(rules(report)).toEqual(["cmi5/au-url/dot-dot"]);
  });

  it("cmi5/reserved-launch-parameter: the AU url sets a parameter the LMS appends", async () => {
    const report = await broken("cmi5", (f) =>
      editText(f, "cmi5.xml", "<url>index.html</url>", "<url>index.html?mode=x&amp;registration=abc&amp;endpoint=y</url>"),
    );
    expect(rules(report)).toEqual(["cmi5/reserved-launch-parameter", "cmi5/reserved-launch-parameter"]);
    expect(
      errorsOf(report)
        .map((p) => p.message)
        .join(" "),
    ).toMatch(/"registration".*"endpoint"/);
  });

  it("cmi5/no-au: a course structure with only an empty block is caught by the schema or the rule", async () => {
    const report = await broken("cmi5", (f) =>
      editText(
        f,
        "cmi5.xml",
        /<au [\s\S]*<\/au>/,
        '<block id="https://courses.example.org/fire-safety/b"><title><langstring lang="en">B</langstring></title><description><langstring lang="en">B</langstring></description></block>',
      ),
    );
    expect(rules(report)).toContain("cmi5/no-au");
  });

  it("warnings only: an AU hosted outside the package, and a missing moveOn", async () => {
    const report = await broken("cmi5", (f) => {
      editText(f, "cmi5.xml", "<url>index.html</url>", "<url>https://au.example.org/start.html</url>");
      editText(f, "cmi5.xml", ' moveOn="CompletedAndPassed"', "");
    });
    expect(rules(report)).toEqual([]);
    expect(report.problems.map((p) => p.rule).sort()).toEqual(["cmi5/au-url-external", "cmi5/mastery-score-unused", "cmi5/move-on-default"]);
  });
});
