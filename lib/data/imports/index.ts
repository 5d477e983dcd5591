import "server-only";
import { recordWrite } from "../read-routing";
// Bulk import: a file is read as it streams in and each row planned and stored (ImportRow),
// batch by batch, so memory stays flat however long the file; the preview is those rows. The
// commit plans the rows again in its own transaction (the database may have changed since)
// and writes all of them or none, with the projections and one audit entry listing what it
// created. Undo retracts the import's events with a reason, as an analyst would.
import { db, type PrismaClient, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { authorize, type Actor } from "@/lib/domain/actor";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/domain/errors";
import {
  detectTable,
  isHxlTagRow,
  IMPORT_MAX_ROWS,
  IMPORT_TABLES,
  matchColumns,
  missingFields,
  type ColumnMapping,
  type ImportTable,
  type RowAction,
} from "@/lib/domain/import-format";
import { mayPublish, newEventState } from "@/lib/domain/review";
import { requireReview } from "@/lib/env";
import { recordAudit } from "@/lib/data/audit";
import { openRows, ImportFileError, type FileFormat } from "@/lib/import/read-file";
import { refreshPresenceProjection } from "@/lib/data/projections/presence-projection-store";
import { countEvents } from "@/lib/data/projections/event-month-totals";
import { eventRowData } from "@/lib/data/edits/event-row";
import { undoImportSchema } from "@/lib/domain/edit-schemas";
import { z } from "zod";
import { ImportPlanner, type NewOrganisation, type OrganisationRef, type RowPlan } from "./plan";
import type { ImportedEvent } from "@/lib/domain/edit-schemas";

export { ImportFileError } from "@/lib/import/read-file";

const BATCH = 500;
/** What a file lacks when its columns match no table: the mapping step says which is which. */
export const UNRECOGNISED = "columns recognised as events, presences or organisations";
/** An import's commit may run long (100,000 rows): its own transaction limits. */
const IMPORT_TRANSACTION = { maxWait: 10_000, timeout: 30 * 60_000 } as const;

export interface ImportSummary {
  table: ImportTable | null;
  headers: string[];
  hxl: boolean;
  mapping: ColumnMapping;
  /** Required fields the columns lack: the mapping step asks for them. */
  missing: string[];
  counts: Record<RowAction, number>;
  /** What the commit created (after it). */
  created?: { organisations: number[]; presences: number[]; events: number[] };
}

export interface ImportProgress {
  bytes: number;
  rows: number;
}

const emptyCounts = (): Record<RowAction, number> => ({ create: 0, existing: 0, duplicate: 0, error: 0 });

function authorizeImport(actor: Actor | null): Actor {
  authorize(actor, "editOrganisations");
  return authorize(actor, "editEvents");
}

/**
 * Reads a file into a previewed import: every row planned and stored with what it will do and
 * its errors. A file that cannot be read throws ImportFileError and leaves nothing behind.
 */
export async function stageImport(
  actor: Actor | null,
  file: { name: string; claimed: FileFormat | null; body: AsyncIterable<Uint8Array> },
  options: { table?: ImportTable; mapping?: ColumnMapping; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<{ id: number; summary: ImportSummary; rows: number; errorRows: number }> {
  const user = authorizeImport(actor);
  const progress: ImportProgress = { bytes: 0, rows: 0 };
  const { format, rows } = await openRows(file.body, file.claimed, (bytes) => {
    progress.bytes = bytes;
  });
  const header = await rows.next();
  if (header.done) throw new ImportFileError("The file has no rows: the first row must name the columns.");
  const headers = header.value.map((h) => h.trim());
  if (headers.every((h) => h.startsWith("#")) || headers.every((h) => /^[\d\s.,-]*$/.test(h))) {
    throw new ImportFileError("The first row must name the columns (e.g. Organisation, Country, Date); this one holds values or tags only.");
  }
  let first = await rows.next();
  const tags = !first.done && isHxlTagRow(first.value) ? first.value : null;
  if (tags) first = await rows.next();

  const detected = options.table
    ? { table: options.table, mapping: options.mapping ?? matchColumns(options.table, headers, tags) }
    : detectTable(headers, tags);
  const table = detected?.table ?? null;
  const mapping = detected?.mapping ?? {};
  const summary: ImportSummary = {
    table,
    headers,
    hxl: Boolean(tags),
    mapping,
    missing: table ? missingFields(table, mapping) : [UNRECOGNISED],
    counts: emptyCounts(),
  };
  const created = await db().import.create({
    data: {
      userId: user.id,
      fileName: file.name.slice(0, 200),
      format: tags ? "hxl" : format,
      table: table ?? "unknown",
      summary: summary as unknown as Prisma.InputJsonValue,
    },
  });
  try {
    const planner = table && !summary.missing.length ? new ImportPlanner(db(), table, mapping) : null;
    let batch: { line: number; cells: string[] }[] = [];
    // Lines as a spreadsheet numbers them: the header is line 1.
    let line = tags ? 3 : 2;
    const flush = async () => {
      if (!batch.length) return;
      const plans = planner ? await planner.plan(batch) : batch.map((b) => ({ line: b.line, action: "error" as const, what: [], errors: [] }));
      await db().importRow.createMany({ data: plans.map((plan, i) => rowData(created.id, batch[i]!.cells, plan)) });
      for (const plan of plans) summary.counts[plan.action] += 1;
      progress.rows += batch.length;
      options.onProgress?.({ ...progress });
      batch = [];
    };
    for (let next = first; !next.done; next = await rows.next()) {
      batch.push({ line, cells: next.value });
      line += 1;
      if (progress.rows + batch.length > IMPORT_MAX_ROWS)
        throw new ImportFileError(`The file has more than ${IMPORT_MAX_ROWS.toLocaleString("en-GB")} rows, the import limit. Split it into several files.`);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (progress.rows === 0) throw new ImportFileError("The file has a header but no rows to import.");
    const errorRows = summary.counts.error;
    await db().import.update({ where: { id: created.id }, data: { rows: progress.rows, errorRows, summary: summary as unknown as Prisma.InputJsonValue } });
    return { id: created.id, summary, rows: progress.rows, errorRows };
  } catch (error) {
    await db().import.delete({ where: { id: created.id } });
    throw error;
  }
}

function rowData(importId: number, cells: string[], plan: RowPlan) {
  return {
    importId,
    line: plan.line,
    action: plan.action,
    data: { cells, what: plan.what } as Prisma.InputJsonValue,
    errors: plan.errors.length ? (plan.errors as unknown as Prisma.InputJsonValue) : Prisma.DbNull,
  };
}

/** The stored rows, in file order, batch by batch. */
async function* storedRows(client: Tx | PrismaClient, importId: number): AsyncGenerator<{ line: number; cells: string[] }[]> {
  let after = 0;
  for (;;) {
    const rows = await client.importRow.findMany({
      where: { importId, line: { gt: after } },
      orderBy: { line: "asc" },
      take: BATCH,
      select: { line: true, data: true },
    });
    if (!rows.length) return;
    yield rows.map((r) => ({ line: r.line, cells: (r.data as { cells: string[] }).cells }));
    after = rows[rows.length - 1]!.line;
  }
}

const mappingSchema = z.strictObject({
  table: z.enum(IMPORT_TABLES, "Choose what the file holds: events, presences or organisations"),
  mapping: z.record(z.string().regex(/^\d{1,3}$/), z.string().max(40)),
});

/** The mapping step: which table the file holds and which column is which field; every row planned again. */
export async function remapImport(actor: Actor | null, importId: number, input: unknown): Promise<ImportSummary> {
  const user = authorizeImport(actor);
  const { table, mapping: raw } = mappingSchema.parse(input);
  const staged = await ownPreview(importId, user);
  const summary = staged.summary as unknown as ImportSummary;
  const mapping: ColumnMapping = Object.fromEntries(Object.entries(raw).filter(([, field]) => field !== ""));
  const next: ImportSummary = { ...summary, table, mapping, missing: missingFields(table, mapping), counts: emptyCounts() };
  const planner = next.missing.length ? null : new ImportPlanner(db(), table, mapping);
  for await (const batch of storedRows(db(), importId)) {
    const plans = planner ? await planner.plan(batch) : batch.map((b) => ({ line: b.line, action: "error" as const, what: [], errors: [] }));
    await db().$transaction([
      db().importRow.deleteMany({ where: { importId, line: { in: batch.map((b) => b.line) } } }),
      db().importRow.createMany({ data: plans.map((plan, i) => rowData(importId, batch[i]!.cells, plan)) }),
    ]);
    for (const plan of plans) next.counts[plan.action] += 1;
  }
  await db().import.update({ where: { id: importId }, data: { table, errorRows: next.counts.error, summary: next as unknown as Prisma.InputJsonValue } });
  return next;
}

async function ownPreview(importId: number, user: Actor) {
  const staged = Number.isSafeInteger(importId) ? await db().import.findUnique({ where: { id: importId } }) : null;
  if (!staged) throw new NotFoundError("This import");
  if (staged.state !== "PREVIEW") throw new RuleError("This import was committed already: its preview cannot change.");
  if (staged.userId !== user.id && user.role !== "ADMIN") throw new ForbiddenError("role");
  return staged;
}

export interface CommitResult {
  id: number;
  created: { organisations: number[]; presences: number[]; events: number[] };
  skipped: number;
  reviewState: "DRAFT" | "PUBLISHED";
}

/**
 * Writes every row of a previewed import, or none: one transaction, the rows planned again in
 * it, commits taking turns (an advisory lock) so that two imports of one file cannot both add
 * its events. A row in error refuses the whole commit, naming the first such lines.
 */
export async function commitImport(
  actor: Actor | null,
  importId: number,
  input: unknown,
  onProgress: (rows: number) => void = () => {},
): Promise<CommitResult> {
  const user = authorizeImport(actor);
  const { draft } = z.strictObject({ draft: z.boolean("draft is true or false").optional() }).parse(input ?? {});
  if (!Number.isSafeInteger(importId)) throw new NotFoundError("This import");
  const committed = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('import-commit', 0))`;
    const [staged] = await tx.$queryRaw<{ id: number; userId: number | null; state: string; table: string; summary: ImportSummary }[]>`
      SELECT id, "userId", state::text AS state, "table", summary FROM "Import" WHERE id = ${importId} FOR UPDATE`;
    if (!staged) throw new NotFoundError("This import");
    if (staged.state !== "PREVIEW") throw new RuleError(staged.state === "COMMITTED" ? "This import was committed already." : "This import was undone.");
    if (!mayPublish(staged.userId, user.id, requireReview())) throw new ForbiddenError("fourEyes");
    const summary = staged.summary;
    if (!summary.table || summary.missing.length) throw new RuleError(`Map the file's columns first: ${summary.missing.join(", ") || "what the file holds"}.`);

    // Drafts unless the analyst publishes (the review queue then has them).
    const reviewState = newEventState(draft ?? true, false);
    const authorId = staged.userId ?? user.id;
    const planner = new ImportPlanner(tx, summary.table, summary.mapping);
    const writer = new ImportWriter(tx, importId, authorId, user.id, reviewState);
    const failed: number[] = [];
    let skipped = 0;
    let done = 0;
    for await (const batch of storedRows(tx, importId)) {
      const plans = await planner.plan(batch);
      for (const plan of plans) {
        if (plan.action === "error") failed.push(plan.line);
        else if (!plan.write) skipped += 1;
      }
      if (!failed.length) await writer.writeBatch(plans.filter((plan) => plan.write));
      done += batch.length;
      onProgress(done);
    }
    if (failed.length) {
      throw new RuleError(
        `Nothing was imported: ${failed.length.toLocaleString("en-GB")} row${failed.length === 1 ? " has" : "s have"} errors (line${failed.length === 1 ? "" : "s"} ${failed.slice(0, 10).join(", ")}${failed.length > 10 ? ", …" : ""}). Correct the file and import it again.`,
      );
    }
    await writer.finish();
    const created = writer.created;
    await tx.import.update({
      where: { id: importId },
      data: {
        state: "COMMITTED",
        committedAt: new Date(),
        committedById: user.id,
        draft: reviewState === "DRAFT",
        summary: { ...summary, created } as unknown as Prisma.InputJsonValue,
      },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "import.commit",
      entityType: "Import",
      entityId: String(importId),
      after: { table: summary.table, reviewState, uploadedBy: staged.userId, skipped, ...created },
    });
    return { id: importId, created, skipped, reviewState };
  }, IMPORT_TRANSACTION);
  // With a replica, the importer's next reads (on any instance) see the rows.
  await recordWrite(user);
  return committed;
}

/**
 * Writes planned rows inside the commit's transaction, a batch at a time in a few statements
 * (organisations, presences, sources, events, their sources and areas, the month totals), with
 * the same event rows as the one-at-a-time writes (eventRowData). Statuses are recomputed
 * once per presence at the end, for the presences whose events set one.
 */
class ImportWriter {
  readonly created = { organisations: [] as number[], presences: [] as number[], events: [] as number[] };
  private organisationIds = new Map<string, number>();
  private presenceIds = new Map<string, number>();
  private sourceIds = new Map<string, number>();
  private touched = new Set<number>();

  constructor(
    private readonly tx: Tx,
    private readonly importId: number,
    private readonly authorId: number,
    private readonly publisherId: number,
    private readonly reviewState: "DRAFT" | "PUBLISHED",
  ) {}

  private organisationId = (ref: OrganisationRef) => ("id" in ref ? ref.id : this.organisationIds.get(ref.new.key)!);

  private async organisations(plans: RowPlan[]): Promise<void> {
    const wanted = new Map<string, NewOrganisation>();
    for (const { write } of plans) {
      const ref = write!.table === "organisations" ? { new: write!.organisation } : write!.organisation;
      if (ref && "new" in ref && !this.organisationIds.has(ref.new.key)) wanted.set(ref.new.key, ref.new);
    }
    const list = [...wanted.values()];
    if (!list.length) return;
    const rows = await this.tx.organisation.createManyAndReturn({
      data: list.map((o) => ({ name: o.name, acronym: o.acronym, type: o.type, iatiId: o.iatiId, website: o.website })),
      select: { id: true },
    });
    rows.forEach((row, i) => {
      this.organisationIds.set(list[i]!.key, row.id);
      this.created.organisations.push(row.id);
    });
  }

  private async presences(plans: RowPlan[]): Promise<void> {
    const wanted = new Map<string, { organisationId: number; countryIso3: string; areas: string[] }>();
    for (const { write } of plans) {
      if (write!.table === "organisations" || !write!.organisation) continue;
      const organisationId = this.organisationId(write!.organisation);
      const key = `${organisationId}|${write!.countryIso3}`;
      if (!this.presenceIds.has(key))
        wanted.set(key, { organisationId, countryIso3: write!.countryIso3, areas: write!.table === "presences" ? write!.areas : [] });
    }
    if (!wanted.size) return;
    const list = [...wanted.values()];
    const existing = await this.tx.presence.findMany({
      where: { OR: list.map((p) => ({ organisationId: p.organisationId, countryIso3: p.countryIso3 })) },
      select: { id: true, organisationId: true, countryIso3: true },
    });
    for (const p of existing) this.presenceIds.set(`${p.organisationId}|${p.countryIso3}`, p.id);
    const missing = list.filter((p) => !this.presenceIds.has(`${p.organisationId}|${p.countryIso3}`));
    if (!missing.length) return;
    const rows = await this.tx.presence.createManyAndReturn({
      data: missing.map(({ organisationId, countryIso3 }) => ({ organisationId, countryIso3 })),
      select: { id: true },
    });
    const areas: { presenceId: number; areaCode: string }[] = [];
    rows.forEach((row, i) => {
      const p = missing[i]!;
      this.presenceIds.set(`${p.organisationId}|${p.countryIso3}`, row.id);
      this.created.presences.push(row.id);
      for (const areaCode of p.areas) areas.push({ presenceId: row.id, areaCode });
    });
    if (areas.length) await this.tx.presenceArea.createMany({ data: areas });
  }

  /** The sources the rows name, one per publisher, title and URL within the import. */
  private async sources(events: ImportedEvent[]): Promise<void> {
    const wanted = new Map<string, { publisher: string; title: string; url: string | null }>();
    for (const event of events) {
      for (const s of event.sources) {
        if ("sourceId" in s) continue; // rows name their sources in full, never by id
        const key = sourceKey(s);
        if (!this.sourceIds.has(key)) wanted.set(key, { publisher: s.publisher, title: s.title, url: s.url ?? null });
      }
    }
    const list = [...wanted.entries()];
    if (!list.length) return;
    const rows = await this.tx.source.createManyAndReturn({ data: list.map(([, s]) => s), select: { id: true } });
    rows.forEach((row, i) => this.sourceIds.set(list[i]![0], row.id));
  }

  async writeBatch(plans: RowPlan[]): Promise<void> {
    if (!plans.length) return;
    await this.organisations(plans);
    await this.presences(plans);
    const steps = plans.flatMap(({ write }) => (write!.table === "events" ? [write!] : []));
    if (!steps.length) return;
    await this.sources(steps.map((s) => s.event));
    const rows = await this.tx.accessEvent.createManyAndReturn({
      data: steps.map((step) => {
        const presenceId = step.organisation ? this.presenceIds.get(`${this.organisationId(step.organisation)}|${step.countryIso3}`)! : null;
        return eventRowData(step.event, {
          presenceId,
          countryIso3: step.countryIso3,
          status: presenceId === null ? null : (step.event.status ?? null),
          reviewState: this.reviewState,
          authorId: this.authorId,
          publisherId: this.publisherId,
          importId: this.importId,
        });
      }),
    });
    const links: { eventId: number; sourceId: number }[] = [];
    const areas: { eventId: number; areaCode: string }[] = [];
    rows.forEach((row, i) => {
      const step = steps[i]!;
      // INSERT … RETURNING gives the rows in the order given: checked, since everything below relies on it.
      if (row.summary !== step.event.summary) throw new Error("Imported events came back in another order");
      this.created.events.push(row.id);
      const linked = new Set<number>();
      for (const s of step.event.sources) {
        const sourceId = "sourceId" in s ? null : this.sourceIds.get(sourceKey(s))!;
        if (sourceId && !linked.has(sourceId)) {
          linked.add(sourceId);
          links.push({ eventId: row.id, sourceId });
        }
      }
      for (const areaCode of step.event.areas) areas.push({ eventId: row.id, areaCode });
      if (row.presenceId && row.resultingStatus) this.touched.add(row.presenceId);
    });
    await this.tx.eventSource.createMany({ data: links });
    if (areas.length) await this.tx.eventArea.createMany({ data: areas });
    await countEvents(this.tx, rows);
  }

  /** Each presence whose events set a status gets it recomputed once, and its version moved on. */
  async finish(): Promise<void> {
    for (const presenceId of this.touched) {
      await refreshPresenceProjection(this.tx, presenceId);
      await this.tx.presence.update({ where: { id: presenceId }, data: { version: { increment: 1 } } });
    }
  }
}

const sourceKey = (s: { publisher: string; title: string; url?: string }) => `${s.publisher}\u0000${s.title}\u0000${s.url ?? ""}`;

/** Retracts every event the import created (with the reason), recomputes statuses and totals; the organisations and presences it added stay. */
export async function undoImport(actor: Actor | null, importId: number, input: unknown): Promise<{ id: number; retracted: number }> {
  const user = authorize(actor, "editEvents");
  const { reason } = undoImportSchema.parse(input);
  if (!Number.isSafeInteger(importId)) throw new NotFoundError("This import");
  return db().$transaction(async (tx) => {
    const [staged] = await tx.$queryRaw<{ state: string }[]>`SELECT state::text AS state FROM "Import" WHERE id = ${importId} FOR UPDATE`;
    if (!staged) throw new NotFoundError("This import");
    if (staged.state !== "COMMITTED")
      throw new RuleError(staged.state === "UNDONE" ? "This import was undone already." : "This import was never committed: there is nothing to undo.");
    const now = new Date();
    const touched = new Set<number>();
    let retracted = 0;
    let after = 0;
    for (;;) {
      const events = await tx.accessEvent.findMany({
        where: { importId, id: { gt: after }, reviewState: { not: "RETRACTED" } },
        orderBy: { id: "asc" },
        take: BATCH,
      });
      if (!events.length) break;
      // Published ones stop counting; drafts never counted (countEvents skips them).
      await tx.accessEvent.updateMany({
        where: { id: { in: events.map((e) => e.id) } },
        data: { reviewState: "RETRACTED", retractedAt: now, retractionReason: reason, retractedById: user.id, version: { increment: 1 } },
      });
      await countEvents(tx, events, -1);
      for (const event of events) if (event.presenceId && event.resultingStatus && event.reviewState === "PUBLISHED") touched.add(event.presenceId);
      retracted += events.length;
      after = events[events.length - 1]!.id;
    }
    for (const presenceId of touched) {
      if (await refreshPresenceProjection(tx, presenceId)) await tx.presence.update({ where: { id: presenceId }, data: { version: { increment: 1 } } });
    }
    await tx.import.update({ where: { id: importId }, data: { state: "UNDONE", undoneAt: now, undoneById: user.id, undoReason: reason } });
    await recordAudit(tx, { actorId: user.id, action: "import.undo", entityType: "Import", entityId: String(importId), after: { reason, retracted } });
    return { id: importId, retracted };
  }, IMPORT_TRANSACTION);
}

export interface ImportView {
  id: number;
  fileName: string;
  format: string;
  table: string;
  state: "PREVIEW" | "COMMITTED" | "UNDONE";
  rows: number;
  errorRows: number;
  summary: ImportSummary;
  createdAt: Date;
  uploadedBy: { id: number; name: string } | null;
  committedAt: Date | null;
  undoneAt: Date | null;
  undoReason: string | null;
  draft: boolean;
}

export async function getImport(actor: Actor | null, importId: number): Promise<ImportView | null> {
  authorize(actor, "editEvents");
  if (!Number.isSafeInteger(importId) || importId < 1) return null;
  const row = await db().import.findUnique({ where: { id: importId }, include: { user: { select: { id: true, name: true } } } });
  if (!row) return null;
  return { ...row, summary: row.summary as unknown as ImportSummary, uploadedBy: row.user };
}

export interface ImportRowView {
  line: number;
  action: RowAction;
  cells: string[];
  what: string[];
  errors: { field: string; message: string }[];
}

/** A page of an import's rows (errors first when asked), 50 at a time. */
export async function listImportRows(
  actor: Actor | null,
  importId: number,
  { only, page = 1, size = 50 }: { only?: RowAction; page?: number; size?: number } = {},
): Promise<{ rows: ImportRowView[]; total: number }> {
  authorize(actor, "editEvents");
  const where = { importId, ...(only ? { action: only } : {}) };
  const [rows, total] = await Promise.all([
    db().importRow.findMany({ where, orderBy: { line: "asc" }, skip: (Math.max(1, page) - 1) * size, take: size }),
    db().importRow.count({ where }),
  ]);
  return {
    rows: rows.map((r) => {
      const data = r.data as { cells: string[]; what: string[] };
      return { line: r.line, action: r.action as RowAction, cells: data.cells, what: data.what, errors: (r.errors as ImportRowView["errors"] | null) ?? [] };
    }),
    total,
  };
}

export async function listImports(actor: Actor | null, limit = 20): Promise<ImportView[]> {
  authorize(actor, "editEvents");
  const rows = await db().import.findMany({ orderBy: { id: "desc" }, take: limit, include: { user: { select: { id: true, name: true } } } });
  return rows.map((row) => ({ ...row, summary: row.summary as unknown as ImportSummary, uploadedBy: row.user }));
}

/** Deletes a preview that was never committed (a dry run's, or one the analyst discards). */
export async function discardImport(actor: Actor | null, importId: number): Promise<void> {
  const user = authorizeImport(actor);
  await ownPreview(importId, user);
  await db().import.delete({ where: { id: importId } });
}
