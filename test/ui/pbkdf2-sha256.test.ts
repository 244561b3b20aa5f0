// The plain-script SHA-256 / PBKDF2 the hand-over screen uses without Web Crypto, checked against
// Node's crypto (OpenSSL) on lengths around every padding boundary, long keys and several counts.
import { createHash, pbkdf2Sync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pbkdf2Sha256, sha256 } from "../../runtime/ui/grading/pbkdf2-sha256";

const bytes = (n: number, seed: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7) & 0xff);
const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");

describe("sha256", () => {
  it("equals Node's for every length 0..200 (every padding case)", () => {
    for (let n = 0; n <= 200; n++) {
      const data = bytes(n, n);
      expect(hex(sha256(data)), `length ${n}`).toBe(createHash("sha256").update(data).digest("hex"));
    }
  });
  it('the FIPS 180-4 example "abc"', () => {
    expect(hex(sha256(new TextEncoder().encode("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});

describe("pbkdf2Sha256", () => {
  it("equals Node's for short and long passwords, salts, counts and key lengths", () => {
    const cases: [number, number, number, number][] = [
      [4, 16, 1, 32],
      [4, 16, 2, 32],
      [0, 0, 3, 32],
      [64, 16, 10, 32],
      [65, 20, 10, 32], // a key longer than a block is hashed first
      [200, 16, 7, 64], // two blocks
      [10, 16, 5, 20], // a partial block
      [8, 16, 1000, 32],
    ];
    for (const [pLen, sLen, iterations, length] of cases) {
      const password = bytes(pLen, 1);
      const salt = bytes(sLen, 2);
      expect(hex(pbkdf2Sha256(password, salt, iterations, length)), `${pLen}/${sLen}/${iterations}/${length}`).toBe(
        pbkdf2Sync(password, salt, iterations, length, "sha256").toString("hex"),
      );
    }
  });
});
