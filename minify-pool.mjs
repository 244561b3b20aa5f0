// The runtime chunks of a build minified again by terser (launch-hub.mjs minifyAgain) on worker threads,
// one per core up to four: the pass takes about 7 s of one core for a build's 60 chunks, and
// `npm test` waits for the build (issue 14 item 4). This file is also each worker's code.
import { availableParallelism } from "node:os";
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { minifyAgain } from "./launch-hub.mjs";

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", async ({ index, code }) => {
    try {
      port.postMessage({ index, code: (await minifyAgain(code)).code });
    } catch (error) {
      port.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** Each of `chunks` ({ name, code }) minified again, in the same order; rejects naming the first chunk terser refused. */
export function minifyAll(chunks) {
  const size = Math.max(1, Math.min(availableParallelism(), 4, chunks.length));
  const results = new Array(chunks.length);
  let next = 0;
  let left = chunks.length;
  return new Promise((resolve, reject) => {
    if (left === 0) return resolve(results);
    const workers = Array.from({ length: size }, () => new Worker(new URL(import.meta.url)));
    const stop = () => workers.forEach((w) => void w.terminate());
    const give = (worker) => {
      if (next < chunks.length) worker.postMessage({ index: next, code: chunks[next++].code });
    };
    for (const worker of workers) {
      worker.on("message", ({ index, code, error }) => {
        if (error !== undefined) {
          stop();
          reject(new Error(`terser could not minify ${chunks[index].name}: ${error}`));
          return;
        }
        results[index] = code;
        if (--left === 0) {
          stop();
          resolve(results);
        } else give(worker);
      });
      worker.on("error", (error) => {
        stop();
        reject(error);
      });
      give(worker);
    }
  });
}
