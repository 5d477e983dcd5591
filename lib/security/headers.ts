// The Content-Security-Policy (the other security headers are in next.config.js). It carries a fresh nonce per
// request (set by proxy.ts, applied by Next.js to its own scripts), so no inline script
// runs without it; styles may be inline (charts and the map set style attributes).

export function contentSecurityPolicy(nonce: string, { development = false, https = false } = {}): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonce-bearing script (Next's chunks) are trusted.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Set by proxy.ts on every request it passes on: the path asked for (whatever the client sent). */
export const PATH_HEADER = "x-access-monitor-path";
