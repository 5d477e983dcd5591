import { writeHandler } from "@/lib/api/write-route";
import { recordConstraint } from "@/lib/data/edits/constraints";

export const dynamic = "force-dynamic";

/** A constraint of the country: for named organisations, types of organisation or the whole country, in areas or country-wide. */
export const POST = writeHandler(201, (actor, body, params) => recordConstraint(actor, params.iso3 ?? "", body));
