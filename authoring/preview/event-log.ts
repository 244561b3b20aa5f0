// The preview's live log: every statement, refusal, document write and SCORM call, in order.
// Browser pages follow it with Server-Sent Events; "download the log" returns it as JSON.
import type { ServerResponse } from "node:http";
import type { TargetId } from "../../runtime/course/types";
import type { LmsView, LogEvent } from "./protocol";

/** Older events are dropped past this many (the download says how many were dropped). */
const MAX_EVENTS = 20_000;

export class PreviewLog {
  private readonly events: LogEvent[] = [];
  private readonly listeners = new Set<ServerResponse>();
  private dropped = 0;
  private seq = 0;
  private lastView: LmsView | null = null;

  add(event: Omit<LogEvent, "seq" | "at">): LogEvent {
    const full: LogEvent = { ...event, seq: ++this.seq, at: new Date().toISOString() };
    this.events.push(full);
    if (this.events.length > MAX_EVENTS) {
      this.events.shift();
      this.dropped += 1;
    }
    this.broadcast("log", full);
    return full;
  }

  view(view: LmsView): void {
    this.lastView = view;
    this.broadcast("view", view);
  }

  all(filter: { target?: TargetId; sessionId?: string } = {}): LogEvent[] {
    return this.events.filter((e) => (!filter.target || e.target === filter.target) && (!filter.sessionId || e.sessionId === filter.sessionId));
  }

  download(): { dropped: number; view: LmsView | null; events: LogEvent[] } {
    return { dropped: this.dropped, view: this.lastView, events: [...this.events] };
  }

  /** Server-Sent Events: replay from `since`, then live. */
  follow(response: ServerResponse, since: number): void {
    response.writeHead(200, { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", Connection: "keep-alive" });
    for (const event of this.events) if (event.seq > since) write(response, "log", event);
    if (this.lastView) write(response, "view", this.lastView);
    this.listeners.add(response);
    response.on("close", () => this.listeners.delete(response));
  }

  closeAll(): void {
    for (const response of this.listeners) response.end();
    this.listeners.clear();
  }

  private broadcast(name: string, data: unknown): void {
    for (const response of this.listeners) write(response, name, data);
  }
}

function write(response: ServerResponse, name: string, data: unknown): void {
  response.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
}
