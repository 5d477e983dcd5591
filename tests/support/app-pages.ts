// Every page of the app, for the checks that run over all of them (layout, accessibility):
// each path with the account that can open it. Ids are the seeded Niger data's (organisation
// 1, event 1 and presence 1 exist in a freshly seeded database).
export const APP_PAGES: { path: string; as: "analyst@example.org" | "admin@example.org" | null }[] = [
  { path: "/sign-in", as: null },
  { path: "/", as: "analyst@example.org" },
  { path: "/presences", as: "analyst@example.org" },
  { path: "/organisations", as: "analyst@example.org" },
  { path: "/events", as: "analyst@example.org" },
  { path: "/audit", as: "analyst@example.org" },
  { path: "/countries/NER", as: "analyst@example.org" },
  { path: "/countries/MLI", as: "analyst@example.org" },
  { path: "/organisations/1", as: "analyst@example.org" },
  { path: "/events/1", as: "analyst@example.org" },
  { path: "/presences/1/change-status", as: "analyst@example.org" },
  { path: "/presences/new?organisation=1", as: "analyst@example.org" },
  { path: "/presences/new?country=NER", as: "analyst@example.org" },
  { path: "/countries/NER/constraints/new", as: "analyst@example.org" },
  { path: "/events?country=NER&area=NE-6", as: "analyst@example.org" },
  { path: "/organisations/new", as: "analyst@example.org" },
  { path: "/account", as: "analyst@example.org" },
  { path: "/review", as: "analyst@example.org" },
  { path: "/imports", as: "analyst@example.org" },
  { path: "/triage", as: "analyst@example.org" },
  { path: "/countries/XXX", as: "analyst@example.org" },
  { path: "/admin/users", as: "admin@example.org" },
  { path: "/admin/tokens", as: "admin@example.org" },
  { path: "/admin/webhooks", as: "admin@example.org" },
];
