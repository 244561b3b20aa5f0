// The cmi5 launch's chunk of the runtime bundle (runtime/app/driver-factory.ts loads it).
export { Cmi5Driver } from "../cmi5/driver";
