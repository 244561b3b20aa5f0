// `npm run lint`: the import layers, checked by a machine. Every import, export-from, import type
// and dynamic import() of every source file under runtime/ is read with TypeScript's own
// preProcessFile (no type checking: well under a second), resolved against the importing file,
// and checked against the rules below. Two text rules ride along (TEXT_RULES: one page-lifecycle
// owner, no console.* in the drivers), and no source file is longer than MAX_LINES. Exit code 1
// and one line per violation when a rule is broken.
//
// Exceptions: none. A known violation may be listed in EXCEPTIONS (importer → imported path, both
// relative to the repository root) with the reason, until the code is restructured.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
// TypeScript 5's parser (the package typescript-5): TypeScript 7, which type-checks, has no stable JS API.
import ts from "typescript-5";

const root = dirname(fileURLToPath(import.meta.url));

/** Each rule: files under `from` may import nothing under any of `notFrom`. Paths are repo-relative folders. */
const RULES = [
  {
    name: "the engine stays independent of the LMS drivers, the UI and the app",
    from: ["runtime/assessment", "runtime/course"],
    notFrom: ["runtime/lms", "runtime/ui", "runtime/app"],
  },
  { name: "the LMS drivers know nothing of the UI", from: ["runtime/lms"], notFrom: ["runtime/ui"] },
  { name: "the browser runtime never imports the Node authoring tools", from: ["runtime"], notFrom: ["authoring"] },
];

/**
 * Each text rule: source files under `in` (except `only`, the one file allowed to) contain no match
 * of `pattern`. Comments are not stripped: write about these calls without the call syntax.
 */
const TEXT_RULES = [
  {
    name: "the page lifecycle has one owner (runtime/app/page-hide.ts); drivers hear it through pageHidden",
    in: ["runtime"],
    only: "runtime/app/page-hide.ts",
    pattern:
      /addEventListener\(\s*["'`](?:pagehide|pageshow|visibilitychange|beforeunload|unload|freeze|resume)["'`]|\bon(?:pagehide|beforeunload|unload|visibilitychange|freeze)\s*=/,
  },
  {
    name: "the runtime logs through the Logger boot makes (runtime/lms/ports.ts: drivers, session, and the screens via the session), never console.* directly",
    in: ["runtime"],
    only: "runtime/lms/ports.ts",
    pattern: /\bconsole\.\w+\s*\(/,
  },
];

/** Known violations allowed for now: `${importer} -> ${imported}` (repo-relative, / separators). */
const EXCEPTIONS = new Map([]);

const SOURCE = new Set([".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".jsx"]);

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.has(extname(entry.name))) out.push(path);
  }
  return out;
}

const posix = (path) => path.split(sep).join("/");
const under = (path, folder) => path === folder || path.startsWith(`${folder}/`);

const started = performance.now();
const violations = [];

// Small files with one job: no source file of ours over MAX_LINES lines (runtime, authoring, tests,
// benchmarks and the scripts at the root).
const MAX_LINES = 400;
const ROOT_SCRIPTS = readdirSync(root).filter((name) => SOURCE.has(extname(name)));
for (const file of [
  ...["runtime", "authoring", "test", "bench", "bin"].flatMap((dir) => sourceFiles(join(root, dir))),
  ...ROOT_SCRIPTS.map((name) => join(root, name)),
]) {
  const lines = readFileSync(file, "utf8").split("\n").length - 1;
  if (lines > MAX_LINES) violations.push(`${posix(relative(root, file))}: ${lines} lines, more than ${MAX_LINES} (split it: one job a file)`);
}

let files = 0;
let imports = 0;
for (const file of sourceFiles(join(root, "runtime"))) {
  files += 1;
  const importer = posix(relative(root, file));
  const text = readFileSync(file, "utf8");
  for (const rule of TEXT_RULES) {
    if (importer === rule.only || !rule.in.some((f) => under(importer, f))) continue;
    text.split("\n").forEach((line, index) => {
      if (rule.pattern.test(line)) violations.push(`${importer}:${index + 1}: ${rule.name}`);
    });
  }
  const info = ts.preProcessFile(text, true, true);
  for (const { fileName: specifier } of info.importedFiles) {
    imports += 1;
    // Bare specifiers are packages; only relative ones can reach another folder of this repository.
    if (!specifier.startsWith(".")) continue;
    const imported = posix(relative(root, resolve(dirname(file), specifier)));
    for (const rule of RULES) {
      if (!rule.from.some((f) => under(importer, f))) continue;
      const banned = rule.notFrom.find((f) => under(imported, f));
      if (banned === undefined) continue;
      if (EXCEPTIONS.has(`${importer} -> ${imported}`)) continue;
      violations.push(`${importer}: imports ${specifier} (${banned}): ${rule.name}`);
    }
  }
}

// ── The UI depends on the session port (runtime/ui/session-port.ts), not on the app or the engine ──
// A screen reads the session's view and calls its actions: from runtime/app and runtime/assessment
// it imports types only, as `import type` / `export type … from` (erased from the bundle), and it
// never names the concrete CourseSession (runtime/app/session.ts), not even for a type.
const UI_PORT_RULE = "the UI reads the session port: types only from runtime/app and runtime/assessment, never app/session.ts";
for (const file of sourceFiles(join(root, "runtime", "ui"))) {
  const importer = posix(relative(root, file));
  const text = readFileSync(file, "utf8");
  // Only a file that reaches runtime/app or runtime/assessment at all is parsed (the parse is the costly part).
  const reaches = ts
    .preProcessFile(text, true, true)
    .importedFiles.some(
      ({ fileName }) =>
        fileName.startsWith(".") && ["runtime/app", "runtime/assessment"].some((f) => under(posix(relative(root, resolve(dirname(file), fileName))), f)),
    );
  if (!reaches) continue;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const check = (specifier, typeOnly) => {
    if (!specifier.startsWith(".")) return;
    const imported = posix(relative(root, resolve(dirname(file), specifier))).replace(/\.tsx?$/, "");
    if (imported === "runtime/app/session") violations.push(`${importer}: imports ${specifier}: ${UI_PORT_RULE}`);
    else if (!typeOnly && ["runtime/app", "runtime/assessment"].some((f) => under(imported, f)))
      violations.push(`${importer}: imports values from ${specifier}: ${UI_PORT_RULE}`);
  };
  const visit = (node) => {
    if (ts.isImportDeclaration(node)) check(node.moduleSpecifier.text, node.importClause?.isTypeOnly === true);
    else if (ts.isExportDeclaration(node) && node.moduleSpecifier) check(node.moduleSpecifier.text, node.isTypeOnly);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteralLike(node.arguments[0]))
      check(node.arguments[0].text, false);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      check(node.argument.literal.text, true);
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const ms = Math.round(performance.now() - started);
if (violations.length > 0) {
  for (const line of violations) console.error(line);
  console.error(`lint: ${violations.length} violation(s) in ${files} files (${ms} ms)`);
  process.exit(1);
}
console.log(`lint: import layers, page lifecycle, driver logging and file length ok (${files} files, ${imports} imports, ${ms} ms)`);
