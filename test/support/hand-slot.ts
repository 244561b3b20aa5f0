// A lazily loaded chunk (runtime/lms/retry-import.ts loadOnce: the state codec, the assessment half)
// that a test delivers or fails by hand; `counter.loads` counts the imports asked for.
import { loadOnce, type OnceLoaded } from "../../runtime/lms/retry-import";

export function handSlot<T>(value: T) {
  let deliver: (chunk: T) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const counter = { loads: 0 };
  const slot: OnceLoaded<T> = loadOnce(() => {
    counter.loads += 1;
    return new Promise<T>((resolve, reject) => {
      deliver = resolve;
      fail = reject;
    });
  });
  return { slot, counter, deliver: () => deliver(value), fail: (why: string) => fail(new Error(why)) };
}
