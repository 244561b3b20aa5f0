// xAPI data types come from @xapi/xapi, imported as TYPES ONLY: the library itself would add
// ~18 KB gzipped to the runtime bundle (it inlines axios), almost half of the 40 KB budget.
// The runtime talks to the LRS with our small fetch client (client.ts); Node code (the local LRS,
// tests, preview) may use the library itself.
export type { Statement, Agent, Actor, Context, Result, ResultScore, Activity, ActivityDefinition, Extensions, Verb } from "@xapi/xapi";

/** The xAPI version header every request carries (cmi5 §8.2 / xAPI 1.0.3). */
export const XAPI_VERSION = "1.0.3";
