// The assessor passcode of a task, stored only as a PBKDF2-SHA-256 hash (runtime/course/types.ts
// PasscodeHash), which the browser checks with WebCrypto. The salt comes from the course and task ids
// so that two builds stay byte-identical: it differs per course and per task, but it is public, and
// the hash only deters a casual learner (docs/course-format.md "What the passcode protects").
import { createHash, pbkdf2Sync } from "node:crypto";
import type { PasscodeHash } from "../../runtime/course/types";

/** PBKDF2 parameters, written into every PasscodeHash so the runtime never assumes them. */
export const PASSCODE_ITERATIONS = 100_000;
export const PASSCODE_SALT_BYTES = 16;
export const PASSCODE_KEY_BYTES = 32;

/** The salt: the first 16 bytes of SHA-256(course id + "\n" + task id). */
export function passcodeSalt(courseId: string, taskId: string): Buffer {
  return createHash("sha256").update(`${courseId}\n${taskId}`, "utf8").digest().subarray(0, PASSCODE_SALT_BYTES);
}

/** The passcode as UTF-8 of its NFC form (the runtime normalises what the assessor types the same way). */
export function hashPasscode(passcode: string, courseId: string, taskId: string): PasscodeHash {
  const salt = passcodeSalt(courseId, taskId);
  const key = pbkdf2Sync(Buffer.from(passcode.normalize("NFC"), "utf8"), salt, PASSCODE_ITERATIONS, PASSCODE_KEY_BYTES, "sha256");
  return { algorithm: "PBKDF2-SHA-256", iterations: PASSCODE_ITERATIONS, salt: salt.toString("base64"), hash: key.toString("base64") };
}
