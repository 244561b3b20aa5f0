// The assessment screens' chunk (loaded by screens-loader.ts): an attempt with its question controls,
// a result, a review. The first page never waits for it: it loads once that page is interactive.
export { AttemptScreen } from "./attempt-screen";
export { ResultScreen } from "./result-screen";
export { ReviewScreen } from "./review-screen";
