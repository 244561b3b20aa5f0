// A 32-bit seed for an attempt's draw from the platform's CSPRNG (the engine itself takes seeds). A file
// of its own: boot needs it in every launch, answers.ts (which re-exports it) names engine code.

export function randomSeed(crypto: Pick<Crypto, "getRandomValues">): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] as number;
}
