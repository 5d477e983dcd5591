// One entry point for every export format: the columns and the rows in, a byte stream out.
import type { Column } from "@/lib/domain/tables/columns";
import type { ExportFormat } from "@/lib/domain/tables/export-files";
import { csvLines } from "./csv";
import { jsonArray } from "./json";
import type { AboutRow } from "@/lib/domain/tables/about-sheet";

export function exportChunks<Row>(
  format: ExportFormat,
  sheetName: string,
  columns: readonly Column<Row>[],
  batches: AsyncIterable<Row[]>,
  /** The XLSX file's "About" sheet (the other formats carry none). */
  about?: readonly AboutRow[],
): AsyncGenerator<string | Uint8Array> {
  switch (format) {
    case "csv":
      return csvLines(columns, batches);
    case "hxl":
      return csvLines(columns, batches, { hxl: true });
    case "json":
      return jsonArray(columns, batches);
    case "xlsx":
      return xlsxLazily(sheetName, columns, batches, about);
  }
}

/** exceljs is large: it is loaded on the first Excel export, not with every export route. */
async function* xlsxLazily<Row>(
  sheetName: string,
  columns: readonly Column<Row>[],
  batches: AsyncIterable<Row[]>,
  about?: readonly AboutRow[],
): AsyncGenerator<Uint8Array> {
  const { xlsxChunks } = await import("./xlsx");
  yield* xlsxChunks(sheetName, columns, batches, about);
}

const encoder = new TextEncoder();

export interface ByteStreamOptions {
  onError: (error: unknown) => void;
  /** Runs once when the stream ends for any reason: done, failed, cancelled or timed out. */
  onClose?: (error?: Error) => void | Promise<void>;
  /** End the stream when the client has read nothing for this long (it stopped reading). */
  stallMs?: number;
  /** End the stream when it has lasted this long, however fast the client reads. */
  maxMs?: number;
}

export class ExportTimeoutError extends Error {
  constructor(reason: "stalled" | "tooLong") {
    super(reason === "stalled" ? "The client stopped reading the export." : "The export took longer than allowed.");
    this.name = "ExportTimeoutError";
  }
}

/**
 * A pull-based byte stream: nothing is produced until the client reads, and a client that
 * goes away cancels the stream, which returns the generators and so closes the database
 * cursor. A client that stays connected but stops reading is cut off after `stallMs`: the
 * time waited for it to pull counts, not the time spent producing a chunk.
 */
export function toByteStream(chunks: AsyncGenerator<string | Uint8Array>, options: ByteStreamOptions): ReadableStream<Uint8Array> {
  const { onError, onClose, stallMs, maxMs } = options;
  // The client may go away while a chunk is being produced: then that chunk is dropped.
  let finished = false;
  let waitingSince: number | null = Date.now();
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;

  const finish = async (error?: Error) => {
    if (finished) return;
    finished = true;
    clearInterval(timer);
    await chunks.return(undefined).catch(() => {});
    await onClose?.(error);
  };

  if (stallMs || maxMs) {
    timer = setInterval(
      () => {
        const now = Date.now();
        const reason = stallMs && waitingSince !== null && now - waitingSince > stallMs ? "stalled" : maxMs && now - started > maxMs ? "tooLong" : null;
        if (!reason) return;
        const error = new ExportTimeoutError(reason);
        void finish(error).then(() => controllerRef?.error(error));
      },
      Math.max(50, Math.min(stallMs ?? 1_000, maxMs ?? 1_000, 1_000) / 4),
    );
    timer.unref();
  }

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
      },
      async pull(controller) {
        waitingSince = null;
        try {
          const { value, done } = await chunks.next();
          if (finished) return;
          if (done) {
            controller.close();
            await finish();
          } else {
            controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
          }
        } catch (error) {
          if (finished) return;
          onError(error);
          controller.error(error);
          await finish(error as Error);
        } finally {
          waitingSince = Date.now();
        }
      },
      async cancel() {
        await finish();
      },
    },
    { highWaterMark: 4 },
  );
}
