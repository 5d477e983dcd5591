// Review (four eyes): whether a new event is a draft, and who may publish one. Drafts count
// nowhere (figures, charts, map, tables, exports, API) until published; the queries count
// only published events (publishedEvent in lib/data/sql-fragments.ts).
import type { ReviewState } from "./vocabulary";

/** A new event is a draft when its author asks for one, and always when review is required. */
export function newEventState(draftAsked: boolean | undefined, requireReview: boolean): Extract<ReviewState, "DRAFT" | "PUBLISHED"> {
  return draftAsked || requireReview ? "DRAFT" : "PUBLISHED";
}

/** With review required, the author of a draft may not publish it (nor an uploader commit their own import). */
export function mayPublish(authorId: number | null, publisherId: number, requireReview: boolean): boolean {
  return !requireReview || authorId === null || authorId !== publisherId;
}
