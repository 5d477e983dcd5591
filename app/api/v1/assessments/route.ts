import { assessmentItemOf } from "@/lib/api/items";
import { tableListHandler } from "@/lib/api/list-route";
import { writeHandler } from "@/lib/api/write-route";
import { createAssessment } from "@/lib/data/assessments";

export const dynamic = "force-dynamic";

/** Published assessments, each at its latest version published by the end of `asOf`; paged with `cursor`. */
export const GET = tableListHandler("assessments", assessmentItemOf);

/** Analysts and admins: a new assessment; published at once unless `"draft": true` or four eyes are on. */
export const POST = writeHandler(201, (actor, body) => createAssessment(actor, body));
