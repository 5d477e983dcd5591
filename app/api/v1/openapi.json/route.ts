import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-dynamic";

/** Public: the description of the API, not its data. */
export function GET(request: Request): Response {
  return Response.json(openApiDocument(new URL(request.url).origin));
}
