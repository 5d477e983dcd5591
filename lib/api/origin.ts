import "server-only";
// The app's public origin, for addresses handed out (a feed's URL): the deployment's
// NEXTAUTH_URL when set (behind a load balancer the request's own host may be internal),
// else the request's origin.
export function publicOrigin(requestUrl: string): string {
  const configured = process.env.NEXTAUTH_URL;
  return configured ? new URL(configured).origin : new URL(requestUrl).origin;
}
