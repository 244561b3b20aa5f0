// The xAPI (Tin Can) driver code of a runtime bundle (runtime/app/driver-factory.ts DriverCode; build.mjs).
export { TincanDriver } from "../tincan/driver";
