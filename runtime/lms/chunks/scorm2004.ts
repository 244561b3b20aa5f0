// The SCORM 2004 driver code of a runtime bundle (runtime/app/driver-factory.ts DriverCode; build.mjs).
export { createScorm2004DriverForWindow } from "../scorm2004/driver";
export { ScormDriver } from "../scorm-common/scorm-driver";
