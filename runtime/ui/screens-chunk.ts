// The assessment screens' chunk (loaded by screens-loader.ts): an attempt with its question controls,
// a result, a review, with their English messages. The first page never waits for it.
export { enScreens } from "../i18n/en-screens";
export { AttemptScreen } from "./attempt-screen";
export { ResultScreen } from "./result-screen";
export { ReviewScreen } from "./review-screen";
