import { apiActor } from "@/lib/api/actor";
import { badRequest, errorResponse } from "@/lib/api/respond";
import { conditionalJson } from "@/lib/api/conditional";
import { assessmentsQuerySchema } from "@/lib/api/schemas";
import { writeHandler } from "@/lib/api/write-route";
import { createAssessment, listAssessments } from "@/lib/data/assessments";
import type { AccessLevel } from "@/lib/domain/assessments";
import { UnauthenticatedError } from "@/lib/domain/errors";
import { endOfDay } from "@/lib/domain/partial-date";

export const dynamic = "force-dynamic";

/** Published assessments, each at its latest version published by `asOf` (a day: to its end). */
export async function GET(request: Request): Promise<Response> {
  try {
    const actor = await apiActor(request);
    if (!actor) throw new UnauthenticatedError();
    const parsed = assessmentsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return badRequest(parsed.error.issues.map((i) => ({ param: String(i.path[0] ?? ""), message: i.message })));
    const { country, level, from, to, asOf } = parsed.data;
    const data = await listAssessments(actor, {
      country,
      level: level as AccessLevel | undefined,
      from,
      to,
      asOf: asOf ? endOfDay(asOf) : undefined,
    });
    return conditionalJson(request, { data });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Analysts and admins: a new assessment; published at once unless `"draft": true` or four eyes are on. */
export const POST = writeHandler(201, (actor, body) => createAssessment(actor, body));
