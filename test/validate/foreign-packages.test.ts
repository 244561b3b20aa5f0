// `passmark validate` on packages made by other tools: real-world manifest features (inline IMS /
// LOM metadata, metadata files, dependencies, xml:base-free subfolders, older schemaversion) pass.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorsOf, formatReport, validatePackage } from "../../authoring/validate";
import { zipFiles, type PackageFiles } from "../fixtures/packages/rezip";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-foreign-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("other people's packages", () => {
  it("a SCORM 1.2 package with inline IMS metadata (imsmd:lom) and a metadata file passes", async () => {
    const files: PackageFiles = new Map([
      [
        "imsmanifest.xml",
        Buffer.from(`<?xml version="1.0"?>
<manifest identifier="com.example.golf" version="1.3" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion>
    <imsmd:lom><imsmd:general><imsmd:title><imsmd:langstring xml:lang="en">Golf</imsmd:langstring></imsmd:title></imsmd:general></imsmd:lom>
  </metadata>
  <organizations default="golf"><organization identifier="golf"><title>Golf</title>
    <item identifier="i1" identifierref="r1"><title>Play</title></item>
    <item identifier="i2" identifierref="r2"><title>Rules</title></item>
  </organization></organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="shared/launch.html?content=play#top">
      <metadata><adlcp:location>meta/play.xml</adlcp:location></metadata>
      <file href="shared/launch.html"/><dependency identifierref="common"/>
    </resource>
    <resource identifier="r2" type="webcontent" adlcp:scormtype="asset" href="rules/Rules%20of%20Golf.html"><file href="rules/Rules%20of%20Golf.html"/></resource>
    <resource identifier="common" type="webcontent" adlcp:scormtype="asset"><file href="shared/api.js"/></resource>
  </resources>
</manifest>`),
      ],
      ["shared/launch.html", Buffer.from("<html></html>")],
      ["shared/api.js", Buffer.from("//")],
      ["rules/Rules of Golf.html", Buffer.from("<html></html>")],
      ["meta/play.xml", Buffer.from("<lom/>")],
    ]);
    const report = await validatePackage(await zipFiles(files, join(work, "golf12.zip")));
    expect(report.problems, formatReport(report)).toEqual([]);
    expect(report.kinds).toEqual(["scorm12"]);
  });

  it("a SCORM 2004 package with inline LOM metadata passes; an older schemaversion is checked as 3rd edition with a warning", async () => {
    const manifest = `<?xml version="1.0"?>
<manifest identifier="m" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:lom="http://ltsc.ieee.org/xsd/LOM">
  <metadata><schema>ADL SCORM</schema><schemaversion>CAM 1.3</schemaversion>
    <lom:lom><lom:general><lom:title><lom:string language="en">X</lom:string></lom:title></lom:general></lom:lom></metadata>
  <organizations default="o"><organization identifier="o"><title>X</title><item identifier="i" identifierref="r"><title>X</title></item></organization></organizations>
  <resources><resource identifier="r" type="webcontent" adlcp:scormType="sco" href="a.html"><file href="a.html"/></resource></resources>
</manifest>`;
    // Saved by a Windows editor: with a UTF-8 byte order mark.
    const files: PackageFiles = new Map([
      ["imsmanifest.xml", Buffer.from("\uFEFF" + manifest)],
      ["a.html", Buffer.from("<html></html>")],
    ]);
    const report = await validatePackage(await zipFiles(files, join(work, "lom2004.zip")));
    expect(errorsOf(report)).toEqual([]);
    expect(report.problems.map((p) => p.rule)).toEqual(["scorm/schemaversion"]);
    expect(report.kinds).toEqual(["scorm2004-3"]);
  });
});
