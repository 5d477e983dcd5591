import "server-only";
// One POST to a webhook receiver, with the address checked where it is resolved: the
// request's own DNS lookup refuses loopback, private and link-local answers, so a name that
// resolves to a public address when checked and a private one when connecting (DNS
// rebinding) cannot slip through. Redirects are not followed.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { isForbiddenAddress } from "@/lib/domain/webhooks";

export class ForbiddenTargetError extends Error {
  constructor(address: string) {
    super(`The address resolves to ${address}, a loopback, private or link-local address: refused.`);
  }
}

function guardedLookup(allowLocal: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      const refused = allowLocal ? undefined : list.find((a) => isForbiddenAddress(a.address));
      if (refused) return callback(new ForbiddenTargetError(refused.address), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** The receiver's status code, or an error (refused address, network failure, timeout). */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  { allowLocal, timeoutMs }: { allowLocal: boolean; timeoutMs: number },
): Promise<number> {
  const target = new URL(url);
  // A literal IP address is never looked up: check it here.
  const literal = target.hostname.replace(/^\[|\]$/g, "");
  if (!allowLocal && isIP(literal) && isForbiddenAddress(literal)) return Promise.reject(new ForbiddenTargetError(literal));
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), ...headers },
        lookup: guardedLookup(allowLocal),
        timeout: timeoutMs,
      },
      (response) => {
        response.resume(); // the body is not read: only the status counts
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s`)));
    request.on("error", reject);
    request.end(body);
  });
}
