// The SCORM launches' chunk of the runtime bundle, both versions in one (runtime/app/driver-factory.ts loads it).
export { createScorm12DriverForWindow } from "../scorm12/driver";
export { createScorm2004DriverForWindow } from "../scorm2004/driver";
