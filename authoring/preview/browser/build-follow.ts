// Watch mode on the launch page: follows /api/builds (Server-Sent Events). A failed build's problems
// go into the alert region (role=alert, so a screen reader reads them out), which empties on the next
// good build; a good build after a save tells the page to relaunch the course it shows.
import type { BuildStatus } from "../watch-protocol";

export interface BuildHandlers {
  /** A save rebuilt the course: relaunch what is shown (status.resets: what the learner's state loses). */
  rebuilt(status: BuildStatus): void | Promise<void>;
  /** The course does not build: take the stale course away. */
  failed(status: BuildStatus): void;
  /** One line for the status region. */
  say(text: string): void;
}

export function followBuilds(alert: HTMLElement, handlers: BuildHandlers): () => void {
  const source = new EventSource("/api/builds");
  // The first status after connecting is the current one: nothing new to relaunch for.
  let first = true;
  source.addEventListener("open", () => {
    first = true; // also after a reconnect
  });
  source.addEventListener("build", (message) => {
    const status = JSON.parse((message as MessageEvent<string>).data) as BuildStatus;
    const news = !first;
    first = false;
    if (status.state === "building") {
      if (!news && status.problems.length > 0) showProblems(alert, status.problems); // still failing
      return handlers.say(`Rebuilding ${status.targets.join(", ")}…`);
    }
    if (status.state === "failed") {
      showProblems(alert, status.problems);
      handlers.say("The course did not build: fix it and save, the preview rebuilds.");
      return handlers.failed(status);
    }
    const wasFailing = alert.childElementCount > 0;
    alert.replaceChildren();
    if (news && status.cause === "save") {
      handlers.say(`Rebuilt ${status.targets.join(", ")} in ${status.ms} ms.`);
      void handlers.rebuilt(status);
    } else if (wasFailing) handlers.say("The course builds again.");
  });
  return () => source.close();
}

function showProblems(alert: HTMLElement, problems: readonly string[]): void {
  const heading = document.createElement("h2");
  heading.textContent = `The course did not build: ${problems.length} problem${problems.length === 1 ? "" : "s"}`;
  const list = document.createElement("ul");
  for (const problem of problems) {
    const item = document.createElement("li");
    item.textContent = problem;
    list.append(item);
  }
  const hint = document.createElement("p");
  hint.textContent = "Fix them and save: the preview rebuilds and relaunches the course where you were.";
  alert.replaceChildren(heading, list, hint);
}
