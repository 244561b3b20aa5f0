// The standalone driver code of a runtime bundle (runtime/app/driver-factory.ts DriverCode; build.mjs).
export { StandaloneDriver } from "../standalone/driver";
