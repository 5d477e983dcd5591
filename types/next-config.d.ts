// next.config.js is plain JavaScript (Next.js reads it before any TypeScript runs); its
// body limit is read by a unit test to check it agrees with lib/security/request-limits.ts.
declare module "@/next.config.js" {
  import type { NextConfig } from "next";
  export const REQUEST_BODY_LIMIT_BYTES: number;
  const config: NextConfig;
  export default config;
}
