// One entry point for every export format: the columns and the rows in, a byte stream out.
import type { Column } from "@/lib/domain/tables/columns";
import type { ExportFormat } from "@/lib/domain/tables/export-files";
import { csvLines } from "./csv";
import { jsonArray } from "./json";

export function exportChunks<Row>(
  format: ExportFormat,
  sheetName: string,
  columns: readonly Column<Row>[],
  batches: AsyncIterable<Row[]>,
): AsyncGenerator<string | Uint8Array> {
  switch (format) {
    case "csv":
      return csvLines(columns, batches);
    case "hxl":
      return csvLines(columns, batches, { hxl: true });
    case "json":
      return jsonArray(columns, batches);
    case "xlsx":
      return xlsxLazily(sheetName, columns, batches);
  }
}

/** exceljs is large: it is loaded on the first Excel export, not with every export route. */
async function* xlsxLazily<Row>(sheetName: string, columns: readonly Column<Row>[], batches: AsyncIterable<Row[]>): AsyncGenerator<Uint8Array> {
  const { xlsxChunks } = await import("./xlsx");
  yield* xlsxChunks(sheetName, columns, batches);
}

const encoder = new TextEncoder();

/**
 * A pull-based byte stream: nothing is produced until the client reads, and a client that
 * goes away cancels the stream, which returns the generators and so closes the database cursor.
 */
export function toByteStream(chunks: AsyncGenerator<string | Uint8Array>, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  // The client may go away while a chunk is being produced: then that chunk is dropped.
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { value, done } = await chunks.next();
          if (cancelled) return;
          if (done) controller.close();
          else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
        } catch (error) {
          if (cancelled) return;
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        cancelled = true;
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 4 },
  );
}
