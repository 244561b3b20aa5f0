// The cmi5 driver code of a runtime bundle (runtime/app/driver-factory.ts DriverCode; build.mjs).
export { Cmi5Driver } from "../cmi5/driver";
