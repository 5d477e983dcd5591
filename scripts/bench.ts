// npm run bench — the benchmark suite on the SYNTHETIC database (1,000,000 events, made
// when missing; never the demo database) against the production build. For each case it
// prints p50/p95 through the app next to the same SQL run directly in the same run (so the
// app's own overhead shows), and the target from DESIGN.md. Then a status change under
// concurrent reads, first-load JavaScript per page, and the CSV export vs COPY
// (scripts/bench-export.ts). Prints figures; asserts nothing.
// npm run bench -- --cost-of-data: only the seeded-vs-synthetic comparison at the end.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { CONSTRAINT_SQL } from "../lib/data/constraints-sql";
import { DASHBOARD_SQL } from "../lib/data/dashboard-sql";
import { eventsTable } from "../lib/data/tables/events-table";
import { organisationsTable } from "../lib/data/tables/organisations-table";
import { presencesTable } from "../lib/data/tables/presences-table";
import { assessmentsTable } from "../lib/data/tables/assessments-table";
import { RANKING_SQL } from "../lib/data/assessments-sql";
import { countSql, keysetSql, pageSql, type TableDefinition } from "../lib/data/tables/table-sql";
import { decodeCursor } from "../lib/domain/tables/cursor";
import { parseTableQuery, type TableQuery } from "../lib/domain/tables/query";
import { parseView, withChartWindow, type SearchParams } from "../lib/domain/view";
import { firstLoadJs, percentile, signInCookie } from "./lib/bench-http";
import { openBenchDatabase, startBenchApp } from "./lib/bench-setup";
import { startThrowawayApp } from "./lib/app-process";
import { SYNTHETIC_SHAPES, type SyntheticShape } from "./lib/synthetic-data";
import { acceptFor } from "./lib/load-mix";
import { isCacheablePageLoad, PAGE_CACHE_HEADERS } from "../lib/domain/page-cache";

const MIN_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PAST = "2020-01-01";
// npm run bench -- --shape skewed: the same cases on data spread unevenly (scripts/lib/synthetic-data.ts).
const shapeArgument = process.argv.indexOf("--shape");
const SHAPE = (shapeArgument > 0 ? process.argv[shapeArgument + 1] : "uniform") as SyntheticShape;
if (!SYNTHETIC_SHAPES.includes(SHAPE)) throw new Error(`--shape must be one of ${SYNTHETIC_SHAPES.join(", ")}`);
const COST_OF_DATA_ONLY = process.argv.includes("--cost-of-data");
const TABLE_TARGET = 50; // DESIGN.md: table pages and API list calls, p95
const PAGE_TARGET = 150; // DESIGN.md: overview server render, p95 (also used for the country page)

const DEFINE: Record<string, (query: TableQuery) => TableDefinition> = {
  presences: presencesTable,
  events: eventsTable,
  organisations: organisationsTable,
  assessments: assessmentsTable,
};

interface Case {
  name: string;
  url: string;
  target: number | null;
  /** The statements the app runs for it, run here in parallel as the app does (empty: Prisma queries, not timed here). */
  sql: { text: string; values: unknown[] }[];
}

const tablePage = (table: string, params: Record<string, string>): Case => {
  const query = parseTableQuery(table as "events", params);
  const def = DEFINE[table]!(query);
  return {
    name: `${table} page ${describe(params)}`,
    url: `/${table}?${new URLSearchParams(params)}`,
    target: TABLE_TARGET,
    sql: [pageSql(def, query), countSql(def, query)],
  };
};

const apiList = (table: string, params: Record<string, string>, cursor?: string): Case => {
  const query = parseTableQuery(table as "events", params);
  const after = cursor ? decodeCursor(query.sort, cursor) : null;
  const search = new URLSearchParams({ ...params, ...(cursor ? { cursor } : {}) });
  return {
    name: `API ${table} ${describe(params)}${cursor ? " deep (cursor)" : ""}`,
    url: `/api/v1/${table}?${search}`,
    target: TABLE_TARGET,
    sql: [keysetSql(DEFINE[table]!(query), query, after, query.pageSize + 1)],
  };
};

const dashboardSql = (params: SearchParams) => {
  const view = parseView(params);
  const charts = withChartWindow(view);
  return [
    DASHBOARD_SQL.statusCounts(view),
    DASHBOARD_SQL.peopleLast12Months(view),
    DASHBOARD_SQL.peopleByMonth(charts),
    DASHBOARD_SQL.eventsByMonth(charts),
    CONSTRAINT_SQL.byMonthAndPillar(charts),
    ...(view.country ? [] : [CONSTRAINT_SQL.byCountry(view)]),
    // The ranking by access level, which also colours the map's Access level layer.
    { text: RANKING_SQL, values: [new Date(`${params.asOf ?? new Date().toISOString().slice(0, 10)}T23:59:59.999Z`).toISOString()] },
  ];
};

/** The country page's own statements: the monthly charts for the country, its presences, the area map and the nine indicators. */
const countryPageSql = (iso3: string) => {
  const view = { ...parseView({}), country: iso3 };
  const charts = withChartWindow(view);
  return [
    DASHBOARD_SQL.peopleByMonth(charts),
    DASHBOARD_SQL.eventsByMonth(charts),
    CONSTRAINT_SQL.byMonthAndPillar(charts),
    ...tablePage("presences", { country: iso3 }).sql,
    CONSTRAINT_SQL.byCategory(iso3, view),
    CONSTRAINT_SQL.byArea(iso3, view),
  ];
};

function describe(params: Record<string, string>): string {
  const text = Object.entries(params)
    .filter(([k]) => k !== "size")
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
  return text ? `(${text})` : "(first page)";
}

async function timeRuns(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 3; i += 1) await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const ms = (n: number) => n.toFixed(1).padStart(8);

/**
 * The cost of the data: each page's p50 on the seeded demo data (a throwaway app of its own)
 * next to the same page on the synthetic million, one after the other, same build and
 * machine. The target (issue 19): under 20 ms of difference for every page.
 */
async function seededVersusMillion(millionBase: string, millionCookie: string, busiest: string) {
  const password = randomBytes(12).toString("base64url");
  const seeded = await startThrowawayApp({ DEMO_PASSWORD: password, RATE_LIMIT_MULTIPLIER: "1000" });
  try {
    const seededCookie = await signInCookie(seeded.base, "analyst@example.org", password);
    const pages: [string, string, string][] = [
      ["overview", "/", "/"],
      ["presences page", "/presences", "/presences"],
      ["events page", "/events", "/events"],
      ["organisations page", "/organisations", "/organisations"],
      ["assessments page", "/assessments", "/assessments"],
      ["audit log page", "/audit", "/audit"],
      ["country page", "/countries/NER", `/countries/${busiest}`],
    ];
    console.log(`\nThe cost of the data: p50 on the seeded data and on ${MIN_EVENTS.toLocaleString("en-GB")} synthetic events (target: under 20 ms apart)`);
    console.log("rendered: the page rendered for each request; kept: asked for as a browser loads a page (Accept: text/html), from the page cache\n");
    console.log(
      `${"page".padEnd(22)}${"seeded".padStart(9)}${"million".padStart(9)}${"difference".padStart(12)}        ${"kept: seeded".padStart(13)}${"million".padStart(9)}${"difference".padStart(12)}`,
    );
    for (const [name, seededUrl, millionUrl] of pages) {
      // Rendered: asked for without Accept: text/html, which the page cache leaves to the renderer.
      const load = async (base: string, url: string, cookie: string, kept: boolean) => {
        const response = await fetch(`${base}${url}`, { headers: kept ? { cookie, accept: acceptFor(url) } : { cookie } });
        await response.text();
        if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
        return response.headers.get(PAGE_CACHE_HEADERS.outcome);
      };
      const keepable = isCacheablePageLoad({ method: "GET", pathname: millionUrl, headers: new Headers({ accept: acceptFor(millionUrl) }) });
      const time = (base: string, url: string, cookie: string, kept: boolean) =>
        timeRuns(async () => {
          const outcome = await load(base, url, cookie, kept);
          if (kept && keepable && outcome !== "hit") throw new Error(`${url}: not from the page cache`);
        });
      const small = await time(seeded.base, seededUrl, seededCookie, false);
      const large = await time(millionBase, millionUrl, millionCookie, false);
      // One load fills the page cache; every timed one after it must be a hit (a page never kept is timed as rendered).
      await load(seeded.base, seededUrl, seededCookie, true);
      await load(millionBase, millionUrl, millionCookie, true);
      const keptSmall = await time(seeded.base, seededUrl, seededCookie, true);
      const keptLarge = await time(millionBase, millionUrl, millionCookie, true);
      const difference = large.p50 - small.p50;
      const keptDifference = keptLarge.p50 - keptSmall.p50;
      console.log(
        `${name.padEnd(22)}${ms(small.p50)} ${ms(large.p50)} ${ms(difference)}   ${(difference < 20 ? "met" : "NOT met").padEnd(8)}${ms(keptSmall.p50).padStart(13)} ${ms(keptLarge.p50)} ${ms(keptDifference)}   ${!keepable ? "(never kept)" : keptDifference < 20 ? "met" : "NOT met"}`,
      );
    }
  } finally {
    await seeded.stop();
  }
}

async function main() {
  const env = await openBenchDatabase(MIN_EVENTS, SHAPE);
  const app = await startBenchApp(env.database.url);
  const sqlPool = new pg.Pool({ connectionString: env.database.url, max: 10 });
  try {
    const cookie = await signInCookie(app.base, env.email, env.password);
    const bearer = { authorization: `Bearer ${env.token}` };
    const {
      rows: [busiest],
    } = await env.client.query<{ iso3: string }>(`SELECT "countryIso3" AS iso3 FROM "Presence" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const country = busiest!.iso3;
    // And the one with the most events (on skewed data, one of the three that hold 80% of them).
    const {
      rows: [eventful],
    } = await env.client.query<{ iso3: string }>(`SELECT "countryIso3" AS iso3 FROM "AccessEvent" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const hot = eventful!.iso3;
    // The area with the most events, in its country.
    const {
      rows: [busiestArea],
    } = await env.client.query<{ code: string; iso3: string }>(
      `SELECT ea."areaCode" AS code, a."countryIso3" AS iso3 FROM "EventArea" ea JOIN "Area" a ON a.code = ea."areaCode" GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`,
    );
    const area = busiestArea!;
    // The country's latest assessment (36 months of them per country).
    const {
      rows: [assessed],
    } = await env.client.query<{ id: number }>(`SELECT id FROM "Assessment" WHERE "countryIso3" = $1 ORDER BY "periodTo" DESC LIMIT 1`, [country]);
    const latestAssessment = assessed!.id;
    // A cursor 20 pages (1,000 rows) into the events, as a client paging through would hold.
    let cursor = "";
    for (let i = 0; i < 20; i += 1) {
      const body = (await (await fetch(`${app.base}/api/v1/events?size=50${cursor ? `&cursor=${cursor}` : ""}`, { headers: bearer })).json()) as {
        nextCursor: string;
      };
      cursor = encodeURIComponent(body.nextCursor);
    }

    const cases: Case[] = [
      tablePage("presences", {}),
      tablePage("presences", { page: "100" }),
      tablePage("presences", { status: "EXPELLED", region: "Africa" }),
      tablePage("presences", { sort: "organisation" }),
      tablePage("presences", { asOf: PAST }),
      tablePage("events", {}),
      tablePage("events", { page: "200" }),
      tablePage("events", { country, kind: "ORDER_TO_LEAVE" }),
      tablePage("events", { sort: "country" }),
      tablePage("events", { asOf: PAST }),
      tablePage("events", { area: area.code }),
      tablePage("events", { category: "MOVEMENT_RESTRICTIONS" }),
      tablePage("events", { country: area.iso3, area: area.code, category: "INTERFERENCE" }),
      tablePage("events", { pillar: "SECURITY_AND_PHYSICAL", asOf: PAST }),
      tablePage("organisations", {}),
      apiList("presences", { size: "50" }),
      apiList("events", { size: "50" }),
      apiList("events", { size: "50" }, decodeURIComponent(cursor)),
      apiList("events", { size: "50", country }),
      apiList("presences", { size: "50", asOf: PAST }),
      apiList("events", { size: "50", area: area.code }),
      tablePage("assessments", {}),
      tablePage("assessments", { level: "3", sort: "level", dir: "desc" }),
      tablePage("assessments", { country }),
      apiList("assessments", { size: "50" }),
      apiList("assessments", { size: "200", country }),
      { name: `assessment page (${country}, latest)`, url: `/assessments/${latestAssessment}`, target: PAGE_TARGET, sql: [] },
      { name: "overview page", url: "/", target: PAGE_TARGET, sql: dashboardSql({}) },
      { name: `overview page (asOf=${PAST})`, url: `/?asOf=${PAST}`, target: PAGE_TARGET, sql: dashboardSql({ asOf: PAST }) },
      {
        name: `country page (${country})`,
        url: `/countries/${country}`,
        target: PAGE_TARGET,
        sql: countryPageSql(country),
      },
      ...(hot === country
        ? []
        : [
            tablePage("events", { country: hot }),
            apiList("events", { size: "50", country: hot }),
            {
              name: `country page (${hot}, most events)`,
              url: `/countries/${hot}`,
              target: PAGE_TARGET,
              sql: countryPageSql(hot),
            },
          ]),
    ];

    if (COST_OF_DATA_ONLY) return await seededVersusMillion(app.base, cookie, country);
    console.log(
      `\nSYNTHETIC data (${SHAPE}): ${env.events.toLocaleString("en-GB")} events; production build; ${RUNS} sequential requests per case after 3 warm-ups.`,
    );
    console.log("SQL = the same statements run directly on PostgreSQL in this run (in parallel, as the app runs them).\n");
    console.log(
      `${"case".padEnd(52)}${"app p50".padStart(8)}${"app p95".padStart(9)}${"SQL p50".padStart(9)}${"SQL p95".padStart(9)}${"app/SQL".padStart(9)}  target p95`,
    );
    for (const c of cases) {
      const headers = c.url.startsWith("/api/") ? bearer : { cookie };
      const appTimes = await timeRuns(async () => {
        const response = await fetch(`${app.base}${c.url}`, { headers });
        const text = await response.text();
        if (!response.ok) throw new Error(`${c.url}: HTTP ${response.status} ${text.slice(0, 200)}`);
      });
      const sqlTimes = c.sql.length ? await timeRuns(() => Promise.all(c.sql.map((s) => sqlPool.query(s.text, s.values)))) : null;
      const verdict = c.target === null ? "" : `< ${c.target} ms  ${appTimes.p95 < c.target ? "met" : "NOT met"}`;
      const sqlColumns = sqlTimes
        ? `${ms(sqlTimes.p50)} ${ms(sqlTimes.p95)} ${(appTimes.p95 / sqlTimes.p95).toFixed(1).padStart(8)}×`
        : `${"—".padStart(8)} ${"—".padStart(8)} ${"—".padStart(8)} `;
      console.log(`${c.name.padEnd(52)}${ms(appTimes.p50)} ${ms(appTimes.p95)} ${sqlColumns}  ${verdict}`);
    }

    await statusChangeUnderReads(app.base, bearer, cookie, env.client);
    await firstLoad(app.base, cookie, country);
    await seededVersusMillion(app.base, cookie, country);
  } finally {
    await sqlPool.end();
    await app.stop();
    await env.client.end();
    await env.database.stop();
  }
  if (SHAPE !== "uniform" || COST_OF_DATA_ONLY) return; // the export benchmark reads the uniform data
  console.log("\nCSV export of every event vs PostgreSQL COPY (npm run bench:export, one run):");
  spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "bench-export.ts")], {
    stdio: "inherit",
    env: { ...process.env, BENCH_RUNS: process.env.BENCH_EXPORT_RUNS ?? "1" },
  });
}

/** Status changes through the API while four clients keep reading table pages and the overview. */
async function statusChangeUnderReads(base: string, bearer: Record<string, string>, cookie: string, client: pg.Client) {
  let reading = true;
  const readPaths = ["/presences", "/events", "/", "/api/v1/presences?size=50"];
  const readers = readPaths.map(async (readPath) => {
    while (reading) {
      const headers = readPath.startsWith("/api/") ? bearer : { cookie };
      await (await fetch(`${base}${readPath}`, { headers })).text();
    }
  });
  const { data } = (await (await fetch(`${base}/api/v1/presences?size=${RUNS}&sort=since&dir=desc`, { headers: bearer })).json()) as {
    data: { id: number; version: number }[];
  };
  const times: number[] = [];
  for (const presence of data) {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/presences/${presence.id}/events`, {
      method: "POST",
      headers: { ...bearer, "content-type": "application/json" },
      body: JSON.stringify({
        status: "RESTRICTED",
        kind: "RESTRICTION_IMPOSED",
        occurredOn: new Date().toISOString().slice(0, 10),
        datePrecision: "DAY",
        summary: "Synthetic benchmark status change.",
        confidence: "REPORTED",
        version: presence.version,
        sources: [{ publisher: "Synthetic Bench Wire", title: "Benchmark" }],
      }),
    });
    if (response.status !== 201) throw new Error(`Status change failed: HTTP ${response.status} ${await response.text()}`);
    times.push(performance.now() - started);
  }
  reading = false;
  await Promise.all(readers);
  // The events and sources just written are benchmark data in the synthetic database: label them so.
  await client.query(`UPDATE "AccessEvent" SET synthetic = true WHERE NOT synthetic`);
  await client.query(`UPDATE "Source" SET synthetic = true WHERE NOT synthetic`);
  times.sort((a, b) => a - b);
  console.log(
    `\nStatus change (API, ${times.length} changes) while 4 clients read continuously: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (DESIGN.md sets no target; reported)`,
  );
}

async function firstLoad(base: string, cookie: string, country: string) {
  console.log("\nFirst-load JavaScript (gzipped), target < 200 kB:");
  for (const page of ["/", `/countries/${country}`, "/presences", "/events", "/organisations", "/audit"]) {
    const html = await (await fetch(`${base}${page}`, { headers: { cookie } })).text();
    const kb = (await firstLoadJs(base, html)) / 1024;
    console.log(`  ${page.padEnd(20)} ${kb.toFixed(1).padStart(6)} kB  ${kb < 200 ? "met" : "NOT met"}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
