// Helpers over the learner's answers that the engine API leaves to the UI: taking an answer back
// (the learner emptied a field or unticked every box) and telling whether a question is answered.

/** The state without the answer to `questionId` in the attempt in progress (same object when there was none): the engine's clearAnswer. */
export { clearAnswer as withoutAnswer } from "../assessment/index";

/** Whether a response says something (an empty text or no ticked box counts as unanswered): the engine's rule. */
export { responseSaysSomething as isAnswered } from "../assessment/unanswered";

/** A 32-bit seed for an attempt's draw from the platform's CSPRNG (the engine itself takes seeds). */
export { randomSeed } from "./random-seed";
