// Fault injection for the local LRS: a fixed sequence, a failure rate (seeded), added latency.
// Used by tests (delivery must survive 500/503/resets/timeouts/401) and by benchmarks (latency).
import { mulberry32 } from "../../runtime/assessment/prng";

export type FaultAction = "pass" | 401 | 403 | 408 | 429 | 500 | 502 | 503 | "reset" | "timeout";

export interface FaultPlan {
  /** Consumed one per matching request, before `rate` applies. */
  sequence?: FaultAction[];
  /** Share 0..1 of matching requests that fail (after the sequence), with one of `rateActions`. */
  rate?: number;
  rateActions?: FaultAction[];
  /** Added to EVERY request (fetch URL included), before it is handled. */
  latencyMs?: number;
  /** Which requests faults apply to (default: the xAPI statements and documents, not the fetch URL). */
  match?: (request: { method: string; path: string }) => boolean;
  /** A "timeout" holds the request this long, then drops the connection (default 30 s). */
  timeoutHoldMs?: number;
  /** Seed of the rate's random numbers (default 1). */
  seed?: number;
}

export class FaultInjector {
  private plan: FaultPlan = {};
  private sequence: FaultAction[] = [];
  private random: () => number = mulberry32(1);
  /** Faults actually applied since the last set()/clear(), in order (for assertions). */
  readonly applied: { action: FaultAction; method: string; path: string }[] = [];

  set(plan: FaultPlan): void {
    this.plan = plan;
    this.sequence = [...(plan.sequence ?? [])];
    this.random = mulberry32(plan.seed ?? 1);
    this.applied.length = 0;
  }

  clear(): void {
    this.set({});
  }

  get latencyMs(): number {
    return this.plan.latencyMs ?? 0;
  }

  get timeoutHoldMs(): number {
    return this.plan.timeoutHoldMs ?? 30_000;
  }

  /** The fault for this request, or "pass". */
  next(method: string, path: string): FaultAction {
    const matches = this.plan.match ? this.plan.match({ method, path }) : path.startsWith("/xapi/");
    if (!matches) return "pass";
    let action: FaultAction = "pass";
    if (this.sequence.length > 0) action = this.sequence.shift()!;
    else if ((this.plan.rate ?? 0) > 0 && this.random() < this.plan.rate!) {
      const actions = this.plan.rateActions ?? [503];
      action = actions[Math.floor(this.random() * actions.length)]!;
    }
    if (action !== "pass") this.applied.push({ action, method, path });
    return action;
  }
}
