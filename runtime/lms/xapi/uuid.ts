// RFC 4122 version-4 UUIDs for statement ids (cmi5 §9.1: the AU gives every statement a UUID id).

/** Fills `bytes` with random values and returns them (the Web Crypto API's getRandomValues). */
export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

const defaultRandomBytes: RandomBytes = (bytes) => globalThis.crypto.getRandomValues(bytes);

export function uuidV4(randomBytes: RandomBytes = defaultRandomBytes): string {
  const b = randomBytes(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
