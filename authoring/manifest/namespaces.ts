// XML namespaces of the package manifests, exactly as the SCORM CAM books and cmi5 §13.2 give them.

export const XMLNS = "http://www.w3.org/2000/xmlns/";
export const XSI = "http://www.w3.org/2001/XMLSchema-instance";
export const XML_NS = "http://www.w3.org/XML/1998/namespace";

/** cmi5 §13.2. */
export const CMI5_NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

/** tincan.xml (the Tin Can package file; the public tincan.xsd of Project Tin Can). */
export const TINCAN_NS = "http://projecttincan.com/tincan.xsd";

/** SCORM 1.2 (SCORM 1.2 CAM). */
export const SCORM12 = {
  imscp: "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
  adlcp: "http://www.adlnet.org/xsd/adlcp_rootv1p2",
  imsmd: "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1",
} as const;

/** SCORM 2004 3rd and 4th edition (SCORM 2004 CAM). */
export const SCORM2004 = {
  imscp: "http://www.imsglobal.org/xsd/imscp_v1p1",
  adlcp: "http://www.adlnet.org/xsd/adlcp_v1p3",
  adlseq: "http://www.adlnet.org/xsd/adlseq_v1p3",
  adlnav: "http://www.adlnet.org/xsd/adlnav_v1p3",
  imsss: "http://www.imsglobal.org/xsd/imsss",
} as const;

/** `xsi:schemaLocation` pairs: namespace → schema file at the zip root. */
export const SCORM12_SCHEMA_LOCATIONS: ReadonlyArray<readonly [string, string]> = [
  [SCORM12.imscp, "imscp_rootv1p1p2.xsd"],
  [SCORM12.imsmd, "imsmd_rootv1p2p1.xsd"],
  [SCORM12.adlcp, "adlcp_rootv1p2.xsd"],
];

export const SCORM2004_SCHEMA_LOCATIONS: ReadonlyArray<readonly [string, string]> = [
  [SCORM2004.imscp, "imscp_v1p1.xsd"],
  [SCORM2004.adlcp, "adlcp_v1p3.xsd"],
  [SCORM2004.adlseq, "adlseq_v1p3.xsd"],
  [SCORM2004.adlnav, "adlnav_v1p3.xsd"],
  [SCORM2004.imsss, "imsss_v1p0.xsd"],
];

export function schemaLocationValue(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs.map(([ns, file]) => `${ns} ${file}`).join(" ");
}
