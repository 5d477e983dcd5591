// Client side of server actions. A refused request (e.g. 403 from another origin) or a
// dropped connection makes React's action call throw, which would replace the page by the
// error page and lose what the user typed: it becomes an ordinary failure the form shows.
import type { ActionResult } from "./action";

export const ACTION_UNREACHABLE_MESSAGE = "The server could not be reached or refused the request. Nothing was changed; check your connection and try again.";
// In the page's language (<html lang>): this runs where no translator is at hand, and only
// when the server did not answer, so the message cannot come from it.
const ACTION_UNREACHABLE_MESSAGE_FR = "Le serveur est injoignable ou a refusé la demande. Rien n'a été modifié ; vérifiez votre connexion et réessayez.";
const unreachable = () =>
  typeof document !== "undefined" && document.documentElement.lang === "fr" ? ACTION_UNREACHABLE_MESSAGE_FR : ACTION_UNREACHABLE_MESSAGE;

export async function callAction<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch {
    return { ok: false, error: unreachable() };
  }
}
