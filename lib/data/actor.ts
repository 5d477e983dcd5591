// The acting user, passed to every data-layer function, which checks it before any query.
import { can, ForbiddenError, UnauthenticatedError, type Action } from "@/lib/domain/permissions";
import type { Role } from "@/lib/domain/vocabulary";

export interface Actor {
  id: number;
  email: string;
  name: string;
  role: Role;
}

export function authorize(actor: Actor | null | undefined, action: Action): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor.role, action)) throw new ForbiddenError(action);
  return actor;
}
