// One rebuild at a time: requests during a run make ONE more run, every request is answered by a run
// that started after it, and a failing run is reported and does not stop the next.
import { describe, expect, it } from "vitest";
import { SerialRunner } from "../../authoring/watch/serial-runner";

/** A job whose runs end when the test says so. */
function gatedJob() {
  const gates: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const job = async (): Promise<void> => {
    running += 1;
    most = Math.max(most, running);
    await new Promise<void>((resolve) => gates.push(resolve));
    running -= 1;
  };
  return { job, gates, runs: () => gates.length, most: () => most };
}

describe("SerialRunner", () => {
  it("coalesces a storm of requests during a run into one more run, never two at once", async () => {
    const { job, gates, runs, most } = gatedJob();
    const runner = new SerialRunner(job, (error) => {
      throw error;
    });
    const first = runner.request();
    await expect.poll(runs).toBe(1);
    const storm = Array.from({ length: 10 }, () => runner.request());
    let stormDone = false;
    void Promise.all(storm).then(() => (stormDone = true));
    gates[0]!();
    await first;
    await expect.poll(runs).toBe(2);
    expect(stormDone).toBe(false); // answered by the run that started after them, not the first
    gates[1]!();
    await Promise.all(storm);
    await runner.idle();
    expect(runs()).toBe(2);
    expect(most()).toBe(1);
  });

  it("reports a failed run and goes on", async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const runner = new SerialRunner(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error("course.json: not JSON");
      },
      (error) => errors.push(error),
    );
    await runner.request();
    await runner.request();
    expect(calls).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(["course.json: not JSON"]);
  });
});
