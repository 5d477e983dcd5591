import type { Role } from "@/lib/domain/vocabulary";

declare module "next-auth" {
  interface User {
    id: string;
    role: Role;
    sessionId: string;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    /** The server-side session (UserSession) this cookie belongs to. */
    sessionId?: string;
    times: { signedInAt?: number; lastSeenAt?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The UserSession id: the session works while that row is open. */
    sid?: string;
    /** Seconds since the epoch: when the user signed in, and their latest request (idle timeout). */
    signedInAt?: number;
    lastSeenAt?: number;
  }
}
