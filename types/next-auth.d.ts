import type { Role } from "@/lib/domain/vocabulary";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role; sessionVersion: number };
    times: { signedInAt?: number; lastSeenAt?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The user's sessionVersion when the token was issued; a mismatch revokes the session. */
    sv?: number;
    /** Seconds since the epoch: when the user signed in, and their latest request (idle timeout). */
    signedInAt?: number;
    lastSeenAt?: number;
  }
}
