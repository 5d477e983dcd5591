// The demo accounts of the embedded demo database (never created on a real server).
export const DEMO_USERS = [
  { email: "admin@example.org", name: "Demo Admin", role: "ADMIN" },
  { email: "analyst@example.org", name: "Demo Analyst", role: "ANALYST" },
  { email: "viewer@example.org", name: "Demo Viewer", role: "VIEWER" },
] as const;
