// node:util parseArgs with passmark's error handling: unknown options and bad arity are usage errors.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseCommandArgs(command: string, argv: readonly string[], options: Options): ParsedArgs {
  try {
    const parsed = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    return { values: parsed.values as ParsedArgs["values"], positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), command);
  }
}

export function expectPositionals(command: string, positionals: readonly string[], names: readonly string[], variadicLast = false): void {
  if (positionals.length < names.length) {
    throw new UsageError(
      `missing ${names
        .slice(positionals.length)
        .map((n) => `<${n}>`)
        .join(" ")}`,
      command,
    );
  }
  if (!variadicLast && positionals.length > names.length) {
    throw new UsageError(`unexpected argument "${positionals[names.length]}"`, command);
  }
}
