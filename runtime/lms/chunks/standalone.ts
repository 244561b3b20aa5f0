// The standalone launch's chunk of the runtime bundle (runtime/app/driver-factory.ts loads it).
export { StandaloneDriver } from "../standalone/driver";
