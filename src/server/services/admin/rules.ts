// The rules on changing who is an admin and who is active. Pure, so they are tested on their own;
// people.ts applies them inside the write transaction with the counts it reads there.
import type { Role } from "@/shared/dto";
import type { ServerTextKey } from "@/shared/server-text";

export interface PersonState {
  id: string;
  role: Role;
  active: boolean;
}

/**
 * Why `actorId` may not move `target` to `next`, or null when they may. `otherActiveAdmins` counts
 * the active admins other than the target, so the team is never left without one.
 */
export function roleOrActiveChangeRefusal(
  actorId: string,
  target: PersonState,
  next: Pick<PersonState, "role" | "active">,
  otherActiveAdmins: number,
): ServerTextKey | null {
  if (target.id === actorId && !next.active) return "cannotDeactivateSelf";
  if (target.id === actorId && next.role !== "admin") return "cannotDemoteSelf";
  const staysActiveAdmin = next.role === "admin" && next.active;
  if (target.role === "admin" && target.active && !staysActiveAdmin && otherActiveAdmins === 0) {
    return "lastAdmin";
  }
  return null;
}
