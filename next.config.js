/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Native, WebAssembly and large Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "pg-cursor", "@prisma/adapter-pg", "exceljs", "fxa-common-password-list"],
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

export default nextConfig;
