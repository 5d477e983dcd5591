// The demo accounts of the embedded demo database (never created on a real server).
export const DEMO_USERS = [
  { email: "admin@example.org", name: "Demo Admin", role: "ADMIN" },
  { email: "analyst@example.org", name: "Demo Analyst", role: "ANALYST" },
  { email: "viewer@example.org", name: "Demo Viewer", role: "VIEWER" },
] as const;

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|::1|\[::1\])$/i;

/** Whether a server bound to `host` can be reached from this machine only. */
export function isLoopbackHost(host: string | undefined): boolean {
  return LOOPBACK.test((host ?? "127.0.0.1").trim());
}

/**
 * The sign-in page lists the demo accounts (whose password is in the README) only for the
 * embedded demo database on a server bound to loopback: never where others can reach it.
 */
export function showsDemoAccounts(demoFlag: string | undefined, host: string | undefined): boolean {
  return demoFlag === "1" && isLoopbackHost(host);
}
