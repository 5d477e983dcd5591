import { writeHandler } from "@/lib/api/write-route";
import { setAreaPcode } from "@/lib/data/edits/areas";

export const dynamic = "force-dynamic";

/** An area's OCHA p-code (admins): `{"pcode": "NER006"}`, or null to clear it. */
export const PATCH = writeHandler(200, (actor, body, params) => setAreaPcode(actor, params.code ?? "", body));
