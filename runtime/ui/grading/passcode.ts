// The assessor's passcode checked against the course's salted hash (PBKDF2-SHA-256 with Web Crypto):
// the package never holds the passcode itself. The hashed bytes are the UTF-8 of the passcode as typed,
// in Unicode NFC (as the build hashes it: authoring/course/passcode-hash.ts), so "é" typed as one or
// two code points matches. Like any check in a package, this deters a casual learner, not a determined one.
import type { PasscodeHash } from "../../course/types";

const bytes = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/**
 * Whether `passcode` derives `hash`. Rejects (throws) only when the platform has no Web Crypto
 * (an http page that is not localhost): the caller says the passcode cannot be checked here.
 */
export async function passcodeMatches(passcode: string, hash: PasscodeHash, subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle): Promise<boolean> {
  if (!subtle) throw new Error("Web Crypto is not available");
  let expected: Uint8Array<ArrayBuffer>;
  let salt: Uint8Array<ArrayBuffer>;
  try {
    expected = bytes(hash.hash);
    salt = bytes(hash.salt);
  } catch {
    return false; // not base64: the build never writes that
  }
  if (hash.algorithm !== "PBKDF2-SHA-256" || expected.length === 0 || !(hash.iterations >= 1)) return false;
  const key = await subtle.importKey("raw", new TextEncoder().encode(passcode.normalize("NFC")), "PBKDF2", false, ["deriveBits"]);
  const derived = new Uint8Array(await subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations: hash.iterations }, key, expected.length * 8));
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= (derived[i] as number) ^ (expected[i] as number);
  return difference === 0;
}
