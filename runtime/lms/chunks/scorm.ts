// The scorm driver code of a runtime bundle (runtime/app/driver-factory.ts DriverCode; build.mjs).
export { createScorm12DriverForWindow } from "../scorm12/driver";
export { createScorm2004DriverForWindow } from "../scorm2004/driver";
