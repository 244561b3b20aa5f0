// The assessor's passcode checked against the course's salted hash (PBKDF2-SHA-256 with Web Crypto):
// the package never holds the passcode itself. The hashed bytes are the UTF-8 of the passcode as typed,
// in Unicode NFC (as the build hashes it: authoring/course/passcode-hash.ts), so "é" typed as one or
// two code points matches. Like any check in a package, this deters a casual learner, not a determined one.
import type { PasscodeHash } from "../../course/types";

const bytes = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** PBKDF2 in plain script (pbkdf2-sha256.ts) where the page has no Web Crypto (an http page that is not localhost). */
async function deriveWithoutWebCrypto(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Uint8Array> {
  const { pbkdf2Sha256 } = await import("./pbkdf2-sha256");
  return pbkdf2Sha256(password, salt, iterations, length);
}

/** Whether `passcode` derives `hash`; Web Crypto when the page has it, the plain-script PBKDF2 otherwise. */
export async function passcodeMatches(passcode: string, hash: PasscodeHash, subtle: SubtleCrypto | undefined = globalThis.crypto?.subtle): Promise<boolean> {
  let expected: Uint8Array<ArrayBuffer>;
  let salt: Uint8Array<ArrayBuffer>;
  try {
    expected = bytes(hash.hash);
    salt = bytes(hash.salt);
  } catch {
    return false; // not base64: the build never writes that
  }
  if (hash.algorithm !== "PBKDF2-SHA-256" || expected.length === 0 || !(hash.iterations >= 1)) return false;
  const password = new TextEncoder().encode(passcode.normalize("NFC"));
  let derived: Uint8Array;
  if (subtle) {
    const key = await subtle.importKey("raw", password, "PBKDF2", false, ["deriveBits"]);
    derived = new Uint8Array(await subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations: hash.iterations }, key, expected.length * 8));
  } else {
    derived = await deriveWithoutWebCrypto(password, salt, hash.iterations, expected.length);
  }
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= (derived[i] as number) ^ (expected[i] as number);
  return difference === 0;
}
