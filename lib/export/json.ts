// A JSON array of objects keyed by the column ids (stable keys, in column order), written
// batch by batch so that it never sits whole in memory.
import type { Column } from "@/lib/domain/tables/columns";

export async function* jsonArray<Row>(columns: readonly Column<Row>[], batches: AsyncIterable<Row[]>): AsyncGenerator<string> {
  let first = true;
  yield "[";
  for await (const rows of batches) {
    let chunk = "";
    for (const row of rows) {
      const object = Object.fromEntries(columns.map((c) => [c.id, c.value(row)]));
      chunk += `${first ? "\n" : ",\n"}${JSON.stringify(object)}`;
      first = false;
    }
    yield chunk;
  }
  yield first ? "]\n" : "\n]\n";
}
