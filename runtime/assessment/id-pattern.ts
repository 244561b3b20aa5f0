// The shape of an author's id (a file of its own, issue 14 item 1: the LMS drivers check it in every
// launch; question-validate.ts re-exports it).

/** Ids end up in interaction patterns and activity IRIs: no spaces, no `[`, `]`, `,` (docs/rules/interactions.md §1). */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.~-]*$/;
