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
