// Webhooks: what a subscription is, how a delivery is signed, which addresses it may never
// reach, and when a failed delivery is tried again. Pure rules; sending is lib/jobs/webhooks.ts.
import { createHmac } from "node:crypto";
import { BlockList, isIP } from "node:net";
import { z } from "zod";
import { CHANGE_KINDS } from "./changes";

export const SIGNATURE_HEADER = "X-Access-Monitor-Signature";
/** Attempts before a delivery is marked failed (it can still be re-sent by hand). */
export const MAX_DELIVERY_ATTEMPTS = 8;
/** A receiver has this long to answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;
export const DELIVERY_STATES = ["PENDING", "DELIVERED", "FAILED"] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export const webhookSubscriptionSchema = (allowLocal: boolean) =>
  z
    .object({
      url: z
        .string()
        .trim()
        .max(2000, "At most 2,000 characters")
        .pipe(z.url({ protocol: allowLocal ? /^https?$/ : /^https$/, error: allowLocal ? "Enter an http(s):// address" : "Enter an https:// address" }))
        .refine((url) => !new URL(url).username && !new URL(url).password, "No user name or password in the address: the signature proves the sender"),
      events: z
        .array(z.enum(CHANGE_KINDS, `Kinds of change: ${CHANGE_KINDS.join(", ")}`))
        .min(1, "Choose at least one kind of change")
        .transform((kinds) => [...new Set(kinds)]),
    })
    .strict();

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the receiver recomputes it with the
 * subscription's secret, and refuses an old `t` (a replayed delivery).
 */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  const mac = createHmac("sha256", secret).update(`${unixSeconds}.${body}`, "utf8").digest("hex");
  return `t=${unixSeconds},v1=${mac}`;
}

/** Addresses a delivery never goes to (no request forgery against the app's own network). */
const FORBIDDEN = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata services
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  FORBIDDEN.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const) {
  FORBIDDEN.addSubnet(net, prefix, "ipv6");
}

/** Whether an IP address is loopback, private, link-local or otherwise not on the public internet. */
export function isForbiddenAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 0) return true;
  if (version === 6) {
    // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is checked as the IPv4 address.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return FORBIDDEN.check(mapped[1]!, "ipv4");
    return FORBIDDEN.check(address, "ipv6");
  }
  return FORBIDDEN.check(address, "ipv4");
}

/** How long before attempt `next` (2, 3, …): the base, then twice as long each time, at most a day. */
export function retryDelayMs(next: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, next - 2), 86_400_000);
}
