// The SCORM 1.2 driver code of a runtime bundle (runtime/app/driver-factory.ts DriverCode; build.mjs).
export { createScorm12DriverForWindow } from "../scorm12/driver";
export { ScormDriver } from "../scorm-common/scorm-driver";
