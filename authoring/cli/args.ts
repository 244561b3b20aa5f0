// node:util parseArgs with passmark's own usage errors: an unknown option names the nearest known
// one, a missing or unwanted value says which option; all are usage errors (exit 2).
import { parseArgs, type ParseArgsConfig } from "node:util";
import { closest } from "../course/did-you-mean";
import { UsageError } from "./io";

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** How an option is written on the command line: "--out", or "-o" for a short one. */
function spelling(rawName: string): string {
  return JSON.stringify(rawName);
}

/** The first option of argv that `options` does not know, said with the nearest known one. */
function unknownOption(command: string, argv: readonly string[], options: Options): string | null {
  const { tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  const shorts = new Map(Object.entries(options).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));
  for (const token of tokens) {
    if (token.kind !== "option" || Object.prototype.hasOwnProperty.call(options, token.name)) continue;
    const isLong = token.rawName.startsWith("--");
    if (!isLong && shorts.has(token.name)) continue;
    const known = Object.keys(options).map((name) => `--${name}`);
    const suggestion = closest(isLong ? token.rawName : `--${token.name}`, known);
    const hint = suggestion ? ` (did you mean "${suggestion}"?)` : `; the options of passmark ${command} are ${known.join(", ")}`;
    return `unknown option ${spelling(token.rawName)}${hint}`;
  }
  return null;
}

/** parseArgs' other complaints (a value missing or not wanted) in our words. */
function valueProblem(error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? (error as { code: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(?:-\w, )?(--[\w-]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option !== undefined) {
    if (/argument missing|ambiguous/.test(message)) return `${option} needs a value: ${option} <value>`;
    if (/does not take an argument/.test(message)) return `${option} takes no value`;
  }
  return message;
}

export function parseCommandArgs(command: string, argv: readonly string[], options: Options): ParsedArgs {
  const all: Options = { ...options, help: { type: "boolean", short: "h" } };
  const unknown = unknownOption(command, argv, all);
  if (unknown !== null) throw new UsageError(unknown, command);
  try {
    const parsed = parseArgs({ args: [...argv], options: all, allowPositionals: true, strict: true });
    return { values: parsed.values as ParsedArgs["values"], positionals: parsed.positionals };
  } catch (error) {
    throw new UsageError(valueProblem(error), command);
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
