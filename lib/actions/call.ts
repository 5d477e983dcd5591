// Client side of server actions. A refused request (e.g. 403 from another origin) or a
// dropped connection makes React's action call throw, which would replace the page by the
// error page and lose what the user typed: it becomes an ordinary failure the form shows.
import type { ActionResult } from "./action";

export const ACTION_UNREACHABLE_MESSAGE = "The server could not be reached or refused the request. Nothing was changed; check your connection and try again.";

export async function callAction<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch {
    return { ok: false, error: ACTION_UNREACHABLE_MESSAGE };
  }
}
