// npm run bench:search — accent-insensitive table searches on the SYNTHETIC database (1,000,000
// events, made when missing; never the demo database), run the way listTablePage runs them
// (for events: the capped probe, then the page and the count in the form it chooses).
// Prints the median and the slowest of 5 runs per search and table; asserts nothing.
import { openBenchDatabase } from "./lib/bench-setup";
import { DENSE_PAGE_MATCHES, eventsTable, searchProbeSql } from "../lib/data/tables/events-table";
import { organisationsTable } from "../lib/data/tables/organisations-table";
import { presencesTable } from "../lib/data/tables/presences-table";
import { COUNT_CAP, countSql, pageSql } from "../lib/data/tables/table-sql";

import { parseTableQuery } from "../lib/domain/tables/query";

const env = await openBenchDatabase(Number(process.env.BENCH_EVENTS ?? 1_000_000));
const c = env.client;
const terms = (process.env.TERMS ?? "medecins,cote,niger,1:,zzzqqq,Syntheti,SYN12,aid").split(",");
for (const table of ["events", "presences", "organisations"] as const) {
  for (const q of terms) {
    const times: number[] = [];
    let rows = 0,
      total = 0,
      dense = false;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const query = parseTableQuery(table as "events", { q });
      let def, cdef;
      if (table === "events") {
        const probe = await c.query(searchProbeSql(q, COUNT_CAP + 1).text, searchProbeSql(q, COUNT_CAP + 1).values as unknown[]);
        dense = probe.rows[0].matches > DENSE_PAGE_MATCHES;
        def = eventsTable(query, { denseSearch: dense });
        cdef = eventsTable(query, { denseSearch: probe.rows[0].matches >= COUNT_CAP + 1 });
      } else cdef = def = (table === "presences" ? presencesTable : organisationsTable)(query);
      const [page, count] = await Promise.all([
        c.query(pageSql(def, query).text, pageSql(def, query).values as unknown[]),
        c.query(countSql(cdef, query).text, countSql(cdef, query).values as unknown[]),
      ]);
      times.push(performance.now() - t);
      rows = page.rowCount ?? 0;
      total = count.rows[0].total;
    }
    times.sort((a, b) => a - b);
    console.log(
      `${table} q=${JSON.stringify(q)}${dense ? " (dense)" : ""}: median ${times[2]!.toFixed(1)} ms, max ${times[4]!.toFixed(1)} ms (${rows} rows, total ${total})`,
    );
  }
}
await c.end();
await env.database.stop();
