import "server-only";
// A page being rendered for the whole-page cache (lib/page-cache/serve.ts asks this
// instance for it, with a one-time id in a header). While it renders, whatever personal the
// page reads besides the reader's name is noted here (which columns they keep, whether they
// follow what the page shows, whether a draft is theirs), so that the kept page is served
// only to readers for whom each reads the same. The name itself is left out: the page shows
// a placeholder, replaced per reader.
import { headers } from "next/headers";
import { PAGE_CACHE_HEADERS } from "@/lib/domain/page-cache";

export type PersonalFactKind = "columns" | "following" | "isReader";

/** One personal read: what was read (kind and argument) and what it gave, as JSON. */
export interface PersonalFact {
  kind: PersonalFactKind;
  arg: string;
  value: string;
}

export interface PageFill {
  facts: PersonalFact[];
  /** The request that asked for it counted against the reader's budget already. */
  budgetCounted: boolean;
  /** The data version was read on the primary: the page must be read there too. */
  onPrimary: boolean;
}

const store = globalThis as unknown as { pageFills?: Map<string, PageFill> };
/** Fills in progress in this process, by id (an id not here is not a fill). */
export const pageFills = () => (store.pageFills ??= new Map<string, PageFill>());

/** The fill this request renders, or null (also outside a request). */
export async function currentFill(): Promise<PageFill | null> {
  try {
    const id = (await headers()).get(PAGE_CACHE_HEADERS.fill);
    return id ? (pageFills().get(id) ?? null) : null;
  } catch {
    return null; // not in a request: a script or a test calling the data layer
  }
}

/** Notes a personal read made while rendering a page for the cache (nothing otherwise). */
export async function notePersonal(kind: PersonalFactKind, arg: string, value: unknown): Promise<void> {
  const fill = await currentFill();
  if (!fill) return;
  const fact = { kind, arg, value: JSON.stringify(value) ?? "null" };
  if (!fill.facts.some((f) => f.kind === kind && f.arg === arg)) fill.facts.push(fact);
}

/** Whether `userId` is the reader (a draft's author, say), noted as a personal read. */
export async function isReader(actor: { id: number }, userId: number | null | undefined): Promise<boolean> {
  const value = userId !== null && userId !== undefined && userId === actor.id;
  await notePersonal("isReader", String(userId ?? ""), value);
  return value;
}
