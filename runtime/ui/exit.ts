// Exit: finish the session through the driver (cmi5: Terminated acknowledged first), then go where
// the LMS asked (cmi5 returnURL) or try to close the window; ExitedScreen tells the learner the rest.
import type { SessionPort } from "./session-port";

/** Only http(s) or relative URLs are followed: a returnURL is data from the launch, never script. */
export function safeReturnUrl(url: string, base: string): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export async function leaveCourse(session: Pick<SessionPort, "exit" | "log">, win: Window = window): Promise<void> {
  try {
    const result = await session.exit();
    const target = result.navigateTo === null ? null : safeReturnUrl(result.navigateTo, win.location.href);
    if (target !== null) win.location.assign(target);
    else if (result.closeWindow) win.close();
  } catch (error) {
    session.log(`exit failed: ${String(error)}`);
  }
}
