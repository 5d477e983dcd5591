import "server-only";
// A citation names a source: an existing one by id, or a new one described in full. One
// place turns it into a source id, for status changes and for citing another source later.
import type { z } from "zod";
import type { Tx } from "@/lib/db";
import type { sourceCitationSchema } from "@/lib/domain/edit-schemas";
import { NotFoundError } from "@/lib/domain/errors";

export type Citation = z.output<typeof sourceCitationSchema>;

export async function sourceIdFor(tx: Tx, citation: Citation): Promise<number> {
  if ("sourceId" in citation) {
    if (!(await tx.source.findUnique({ where: { id: citation.sourceId }, select: { id: true } }))) throw new NotFoundError("This source");
    return citation.sourceId;
  }
  const source = await tx.source.create({
    data: {
      publisher: citation.publisher,
      title: citation.title,
      url: citation.url ?? null,
      publishedOn: citation.publishedOn ?? null,
      publishedPrecision: citation.publishedOn ? "DAY" : null,
    },
  });
  return source.id;
}
