// A CSV export written by PostgreSQL (COPY … TO STDOUT WITH CSV, lib/data/tables/csv-sql.ts)
// and passed through as it arrives: no row is parsed or formatted in JavaScript, so the
// export runs at the speed of COPY itself. The writer's header lines go first.
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";

const CRLF = Buffer.from("\r\n");
const LF = 0x0a;

/**
 * COPY ends each row with LF; the files end theirs with CRLF (RFC 4180, like the writer).
 * PostgreSQL sends each row as one CopyData message, so a row's end is its message's last
 * byte, and a line break inside a quoted field is never taken for one. pg-copy-streams
 * (pinned) collects each message's content in `_copyDataChunks`, with
 * `_unreadMessageContentLength` at 0 once a message is complete: the LF that ends it is
 * swapped for CRLF there. tests/integration/csv-copy.test.ts compares the bytes.
 */
function copyWithCrlf(statement: string) {
  const stream = copyTo(statement);
  const internals = stream as unknown as { _copyDataChunks: { push: (chunk: Buffer) => void }; _unreadMessageContentLength: number };
  const chunks = internals._copyDataChunks;
  const push = chunks.push.bind(chunks);
  chunks.push = (chunk: Buffer) => {
    if (internals._unreadMessageContentLength !== 0 || chunk[chunk.length - 1] !== LF) return push(chunk);
    if (chunk.length > 1) push(chunk.subarray(0, -1));
    push(CRLF);
  };
  return stream;
}

/**
 * The file: the header lines, then COPY's rows. Stopped before the end (the client went
 * away, a timeout), the connection is mid-COPY and cannot be reused: `abandon` discards it,
 * which also ends the query on the server.
 */
export async function* copyCsvChunks(
  client: pg.PoolClient,
  header: string,
  statement: string,
  abandon: (error: Error) => Promise<void>,
): AsyncGenerator<string | Uint8Array> {
  let completed = false;
  try {
    yield header;
    const stream = client.query(copyWithCrlf(statement));
    for await (const chunk of stream) yield chunk as Buffer;
    completed = true;
  } finally {
    if (!completed) await abandon(new Error("The export stopped before its end."));
  }
}
