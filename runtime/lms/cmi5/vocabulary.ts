// cmi5 IRIs, verbatim from the cmi5 spec, in two files so that a launch loads only its own: the
// launch's (launch-vocabulary.ts: §10 LaunchData, §11 preferences, our State document) and the
// statements' (statement-vocabulary.ts: §9.3 verbs, §9.6 context, §9.5 result extensions; in the
// write path's chunk). The runtime imports those; the authoring side and the tests import this.

export * from "./launch-vocabulary";
export * from "./statement-vocabulary";
