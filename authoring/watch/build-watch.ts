// `passmark build <dir> --watch`: builds once, then again after every save in the course folder
// (its output folder, hidden folders and node_modules are not watched), until Ctrl-C. One build at
// a time; saves during a build make one more. A course with errors is reported and watched on.
import type { CliIo } from "../cli/io";
import { displayPath } from "../cli/io";
import { SerialRunner } from "./serial-runner";
import { isInside, watchTree } from "./tree-watcher";

export interface BuildWatchOptions {
  dir: string;
  outDir: string;
  io: CliIo;
  /** One build with its report; `first` is true for the build at start. */
  build(first: boolean): Promise<unknown>;
  /** Resolves when watching should stop (default: SIGINT or SIGTERM). */
  stop?: Promise<void>;
  debounceMs?: number;
}

/** Resolves on the first SIGINT or SIGTERM; the handlers are removed then. */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off("SIGINT", done);
      process.off("SIGTERM", done);
      resolve();
    };
    process.on("SIGINT", done);
    process.on("SIGTERM", done);
  });
}

export async function watchBuilds(options: BuildWatchOptions): Promise<void> {
  const { dir, outDir, io } = options;
  const stop = options.stop ?? untilSignal();
  await options.build(true);
  const runner = new SerialRunner(
    async () => {
      io.out(`${new Date().toISOString().slice(11, 19)} change seen; building again`);
      await options.build(false);
    },
    (error) => io.err(`passmark build: ${error instanceof Error ? error.message : String(error)}`),
  );
  const watcher = watchTree(dir, {
    ignore: (path) => isInside(outDir, path),
    onChange: () => void runner.request(),
    onProblem: (message) => io.err(`watch: ${message}`),
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
  });
  io.out(`Watching ${displayPath(io.cwd, dir)}: every save builds again. Stop with Ctrl-C.`);
  await stop;
  watcher.close();
  await runner.idle();
  io.out("Stopped watching.");
}
