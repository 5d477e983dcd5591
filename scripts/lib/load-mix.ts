import autocannon from "autocannon";

// The mixed signed-in reads of bench:load and bench:cluster: pages, tables and API lists.
export const LOAD_MIX = [
  "/",
  "/presences",
  "/presences?country=NER&status=EXPELLED&sort=since",
  "/events?country=NER",
  "/organisations",
  "/countries/NER",
  "/?asOf=2025-02-10",
  "/api/v1/presences?country=NER",
  "/api/v1/events?size=50",
  "/api/v1/countries?region=Africa",
];

/** What a browser (pages) or an API client asks for: pages with Accept: text/html, as a page load does. */
export const acceptFor = (path: string) => (path.startsWith("/api/") ? "application/json" : "text/html,application/xhtml+xml");

/** Loads every route once for each user, as the mix asks for them (so kept pages are filled before the clock starts). */
export async function warmUp(base: string, cookies: string[], routes: readonly string[] = LOAD_MIX) {
  for (const cookie of cookies) for (const path of routes) await (await fetch(`${base}${path}`, { headers: { cookie, accept: acceptFor(path) } })).text();
}

/** The mix for `seconds` at `connections`: each request the next route, as the next of the signed-in users in turn. */
export function runLoadMix(base: string, cookies: string[], connections: number, seconds: number, routes: readonly string[] = LOAD_MIX) {
  let turn = 0;
  return autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          turn += 1;
          const path = routes[turn % routes.length]!;
          return { ...request, method: "GET", path, headers: { cookie: cookies[turn % cookies.length]!, accept: acceptFor(path) } };
        },
      },
    ],
  });
}
