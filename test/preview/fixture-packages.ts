// Minimal hand-made packages for the preview's browser tests: a SCORM 1.2 SCO and a cmi5 AU whose
// pages are blank, so that the test itself plays the course's part against the preview LMS.
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import yazl from "yazl";

const BLANK = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank SCO</title></head><body><p>blank</p></body></html>';

const SCORM12_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="blank-sco" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org"><organization identifier="org"><title>Blank course</title>
    <item identifier="item" identifierref="res"><title>Blank course</title><adlcp:masteryscore>75</adlcp:masteryscore></item>
  </organization></organizations>
  <resources><resource identifier="res" type="webcontent" adlcp:scormtype="sco" href="sco.html"><file href="sco.html"/></resource></resources>
</manifest>`;

const CMI5_XML = `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.test/blank"><title><langstring lang="en">Blank cmi5</langstring></title><description><langstring lang="en">Blank</langstring></description></course>
  <au id="https://example.test/blank/au" moveOn="CompletedAndPassed" masteryScore="0.6" launchMethod="AnyWindow">
    <title><langstring lang="en">Blank cmi5</langstring></title><description><langstring lang="en">Blank</langstring></description><url>au.html</url>
  </au>
</courseStructure>`;

/** A zip of text files (the preview tests' hand-made packages). */
export function writeZip(path: string, files: Record<string, string>): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text, "utf8"), name);
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream
      .pipe(createWriteStream(path))
      .on("close", () => resolve(path))
      .on("error", reject);
  });
}

export function blankScorm12Zip(dir: string): Promise<string> {
  return writeZip(join(dir, "blank-scorm12.zip"), { "imsmanifest.xml": SCORM12_MANIFEST, "sco.html": BLANK });
}

export function blankCmi5Zip(dir: string): Promise<string> {
  return writeZip(join(dir, "blank-cmi5.zip"), { "cmi5.xml": CMI5_XML, "au.html": BLANK });
}
