// The acting user, passed to every data-layer function, which checks it before any query.
import { can, READ_ONLY_ACTIONS, type Action } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/vocabulary";
import type { Locale } from "@/lib/domain/locales";
import { ForbiddenError, UnauthenticatedError } from "@/lib/domain/errors";

/** How a request proved who it is. */
export type Credential =
  | { kind: "session"; sessionId: string }
  | { kind: "token"; tokenId: number; readOnly: boolean }
  /** A feed's token in its address: it reads that feed, nothing else. */
  | { kind: "feed"; feedId: number };

export interface Actor {
  id: number;
  email: string;
  name: string;
  role: Role;
  credential?: Credential;
  /** Signed in with a password an admin chose: only changing it is allowed. */
  mustChangePassword?: boolean;
  /** The interface language the user chose, when they chose one. */
  locale?: Locale | null;
  /**
   * With a replica: the primary's WAL position after this user's last write. Their reads go
   * to the primary until the replica has replayed it (lib/domain/read-routing.ts).
   */
  readAfterLsn?: string | null;
}

export function authorize(actor: Actor | null | undefined, action: Action): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (actor.mustChangePassword) throw new ForbiddenError("passwordChange");
  if (actor.credential?.kind === "token" && actor.credential.readOnly && !READ_ONLY_ACTIONS.includes(action)) {
    throw new ForbiddenError("readOnlyToken");
  }
  if (actor.credential?.kind === "feed" && action !== "read") throw new ForbiddenError("readOnlyToken");
  if (!can(actor.role, action)) throw new ForbiddenError("role");
  return actor;
}
