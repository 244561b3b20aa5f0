// authoring/http/byte-range.ts: the one Range parser (RFC 9110 §14) behind every file passmark serves.
import { describe, expect, it } from "vitest";
import { byteRange } from "../../authoring/http/byte-range";

describe("byteRange", () => {
  it.each([
    ["bytes=0-99", 1000, { kind: "part", start: 0, end: 99 }],
    ["bytes=900-", 1000, { kind: "part", start: 900, end: 999 }],
    ["bytes=900-5000", 1000, { kind: "part", start: 900, end: 999 }],
    ["bytes=-100", 1000, { kind: "part", start: 900, end: 999 }],
    ["bytes=-5000", 1000, { kind: "part", start: 0, end: 999 }],
    ["bytes=999-999", 1000, { kind: "part", start: 999, end: 999 }],
  ] as const)("%s of %i bytes is a part", (header, size, expected) => {
    expect(byteRange(header, size)).toEqual(expected);
  });

  it.each([
    ["bytes=1000-", 1000],
    ["bytes=5000-6000", 1000],
    ["bytes=-0", 1000],
    ["bytes=0-", 0],
    ["bytes=-10", 0],
  ] as const)("%s of %i bytes cannot be satisfied", (header, size) => {
    expect(byteRange(header, size)).toEqual({ kind: "unsatisfiable" });
  });

  it.each([undefined, "", "bytes=-", "bytes=5-3", "bytes=0-1,5-6", "items=0-5", "bytes=a-b"])("%s: the whole file", (header) => {
    expect(byteRange(header, 1000)).toEqual({ kind: "whole" });
  });
});
