import "server-only";
// The app's public origin, for addresses handed out (a feed's URL): the deployment's
// NEXTAUTH_URL when set (behind a load balancer the request's own host may be internal),
// else the request's origin. For API routes and server actions alike.
export function publicOrigin(requestUrl: string): string {
  const configured = process.env.NEXTAUTH_URL;
  return configured ? new URL(configured).origin : new URL(requestUrl).origin;
}

/** The same for a server action, which has the request's headers but not its URL. */
export function publicOriginFromHeaders(headers: Headers): string {
  return publicOrigin(`${headers.get("x-forwarded-proto") ?? "http"}://${headers.get("host") ?? "localhost"}`);
}
