// An ISO 3166-2 first-level code, apart from areas.ts, whose list is too big for the browser.
import { z } from "zod";

/** The country's alpha-2, a hyphen, one to three letters or digits (e.g. NE-6). */
export const AREA_CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/** An area code as typed, in any case: the one rule for forms, the API, table URLs and the view. */
export const areaCodeSchema = (message = "Use an ISO 3166-2 first-level code, e.g. NE-6") =>
  z
    .string(message)
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(AREA_CODE, message));
