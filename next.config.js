// The largest request body, as in lib/security/request-limits.ts (a unit test checks they
// agree): server actions are refused above it, and the copy of a body that Next.js keeps
// for the proxy holds at most twice it (so the proxy can tell a larger body, sent without a
// Content-Length, from one at the limit). Next's default copy is 10 MB per request.
const REQUEST_BODY_LIMIT_BYTES = 256 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  experimental: {
    proxyClientMaxBodySize: 2 * REQUEST_BODY_LIMIT_BYTES,
    serverActions: { bodySizeLimit: REQUEST_BODY_LIMIT_BYTES },
  },
  poweredByHeader: false,
  // use-intl formats messages compiled on the server (lib/i18n/messages.ts) with its small
  // runtime, not its ICU parser: the browser's first load is 11 kB (gzip) lighter.
  turbopack: { resolveAlias: { "use-intl/format-message": "use-intl/format-message/format-only" } },
  reactStrictMode: true,
  // Native, WebAssembly and large Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-cursor", "graphile-worker", "@prisma/adapter-pg", "exceljs", "fxa-common-password-list"],
  // Security headers on every response, static files included. The Content-Security-Policy,
  // which needs a fresh nonce per request, is set by proxy.ts (lib/security/headers.ts).
  async headers() {
    const https = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
          ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
        ],
      },
    ];
  },
};

export { REQUEST_BODY_LIMIT_BYTES };
export default nextConfig;
