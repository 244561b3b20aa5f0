// Runs libxml2's xmllint (the WebAssembly build of xmllint-wasm) in one long-lived worker thread per
// process, its WebAssembly compiled once. xmllint-wasm's own validateXML starts a thread and compiles
// the 0.8 MB module for every call (about 90 ms of CPU against 10 ms here: docs/testing.md, session 20).
// Each call still gets a fresh instance and memory of its own, so no call can see another's files.
// It uses the options of xmllint-wasm's Emscripten module, so package.json pins that version exactly.
import { createRequire } from "node:module";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { packageRoot } from "../paths";

export interface XmlFile {
  readonly fileName: string;
  readonly contents: string | Uint8Array;
}

export interface XmllintOptions {
  /** The documents to check. */
  xml: readonly XmlFile[];
  /** The root schema to check them against; none: xmllint only parses them. */
  schema?: XmlFile;
  /** Files the root schema imports or includes. */
  preload?: readonly XmlFile[];
  /** The most memory xmllint may use, in 64 KiB pages (default 512: 32 MiB). */
  maxMemoryPages?: number;
}

export interface XmllintMessage {
  message: string;
  /** Where xmllint said the problem is; null when its line names no file and line. */
  loc: { fileName: string; lineNumber: number } | null;
}

export interface XmllintResult {
  valid: boolean;
  /** What xmllint wrote to stderr, its "… validates" lines included. */
  rawOutput: string;
  /** The lines of rawOutput that are problems. */
  errors: XmllintMessage[];
}

/** xmllint did not run to a verdict: any exit but 0, 3 and 4, such as 5 (a schema that does not compile) or -1 (aborted). */
export class XmllintError extends Error {
  constructor(
    readonly code: number,
    output: string,
  ) {
    super(output);
    this.name = "XmllintError";
  }
}

const INITIAL_PAGES = 256; // 16 MiB
const DEFAULT_MAX_PAGES = 512; // 32 MiB
const MAX_PAGES = 65536; // 4 GiB, WebAssembly's limit

interface Reply {
  passmark: "xmllint";
  id: number;
  exitCode: number;
  stderr: string;
}

// The worker: loads xmllint-wasm's Emscripten module factory (its file also listens for messages of
// its own key, which we never send), compiles the WebAssembly once, and runs one instance per request.
// Emscripten's exit sets process.exitCode: in a worker thread that is the thread's own, and is reset.
// An ES module from a data: URL: eval'd code would be read as CommonJS or as a module depending on the
// parent's flags (--input-type=module made it a module, where require does not exist).
const WORKER_SOURCE = `
import { parentPort, workerData } from "node:worker_threads";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
const createXmllint = createRequire(workerData.factory)(workerData.factory);
const compiled = new WebAssembly.Module(readFileSync(workerData.wasm));
parentPort.on("message", async (request) => {
  if (!request || request.passmark !== "xmllint") return;
  let stderr = "";
  let exitCode = null;
  try {
    await createXmllint({
      inputFiles: request.inputFiles,
      arguments: request.args,
      print: () => {},
      printErr: (text) => { stderr += text + "\\n"; },
      onExit: (code) => { exitCode = code; },
      onAbort: (reason) => { exitCode = -1; stderr += "WASM Abort: " + reason + "\\n"; },
      wasmMemory: new WebAssembly.Memory({ initial: request.initialPages, maximum: request.maxPages }),
      instantiateWasm: (imports, done) => {
        const instance = new WebAssembly.Instance(compiled, imports);
        done(instance, compiled);
        return instance.exports;
      },
    });
  } catch (error) {
    if (exitCode === null || exitCode === 0) { exitCode = -1; stderr += String(error && error.message || error) + "\\n"; }
  }
  process.exitCode = 0;
  parentPort.postMessage({ passmark: "xmllint", id: request.id, exitCode: exitCode === null ? -1 : exitCode, stderr });
});
`;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (error: Error) => void }>();

function settleAll(error: Error): void {
  for (const { reject } of pending.values()) reject(error);
  pending.clear();
}

function startWorker(): Worker {
  const require = createRequire(join(packageRoot(), "package.json"));
  const started = new Worker(new URL(`data:text/javascript,${encodeURIComponent(WORKER_SOURCE)}`), {
    workerData: { factory: require.resolve("xmllint-wasm/xmllint-node.js"), wasm: require.resolve("xmllint-wasm/xmllint.wasm") },
  });
  started.on("message", (reply: Reply) => {
    if (reply?.passmark !== "xmllint") return;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    waiting?.resolve(reply);
  });
  // A crash of the thread fails the calls it was running; the next call starts a new one.
  const lost = (error: Error): void => {
    if (worker === started) worker = null;
    settleAll(error);
  };
  started.on("error", (error) => lost(new Error(`xmllint stopped: ${error.message}`)));
  started.on("exit", (code) => lost(new Error(`xmllint stopped (exit ${code})`)));
  return started;
}

function send(request: Omit<Reply, "exitCode" | "stderr"> & Record<string, unknown>): Promise<Reply> {
  worker ??= startWorker();
  const current = worker;
  return new Promise<Reply>((resolve, reject) => {
    pending.set(request.id, { resolve, reject });
    // Referenced while it has work, so a CLI waits for its answer; unreferenced when idle, so the
    // thread never keeps a finished process alive.
    current.ref();
    current.postMessage(request);
  });
}

function checkName(file: XmlFile): void {
  // A name xmllint would read as an option (the same rule as xmllint-wasm's).
  if (/(^|\s)-/.test(file.fileName)) throw new Error(`xmllint: the file name "${file.fileName}" would be read as an option`);
}

/** "file:12: message" lines and any others, minus "file validates", "fails to validate" and the caret under a quoted line. */
function problemLines(output: string): XmllintMessage[] {
  const messages: XmllintMessage[] = [];
  for (const line of output.split("\n")) {
    if (/^\s*\^?$/.test(line) || line.endsWith(" validates") || line.endsWith(" fails to validate")) continue;
    const match = /^([^:]+):(\d+):(.*)$/.exec(line);
    messages.push(match ? { message: match[3]!.trim(), loc: { fileName: match[1]!, lineNumber: Number(match[2]) } } : { message: line, loc: null });
  }
  return messages;
}

/** Valid or not (exit 0, or 3/4: a document fails its schema); throws XmllintError for any other exit. */
export async function runXmllint(options: XmllintOptions): Promise<XmllintResult> {
  const schemas = options.schema ? [options.schema] : [];
  const inputFiles = [...options.xml, ...schemas, ...(options.preload ?? [])];
  for (const file of [...options.xml, ...schemas]) checkName(file);
  const args = [...schemas.flatMap((schema) => ["--schema", schema.fileName]), "--noout", ...options.xml.map((file) => file.fileName)];
  const maxPages = Math.min(MAX_PAGES, Math.max(INITIAL_PAGES, options.maxMemoryPages ?? DEFAULT_MAX_PAGES));
  const reply = await send({ passmark: "xmllint", id: nextId++, inputFiles, args, initialPages: INITIAL_PAGES, maxPages });
  if (reply.exitCode === 0) return { valid: true, rawOutput: reply.stderr, errors: [] };
  if (reply.exitCode === 3 || reply.exitCode === 4) return { valid: false, rawOutput: reply.stderr, errors: problemLines(reply.stderr) };
  throw new XmllintError(reply.exitCode, reply.stderr);
}
