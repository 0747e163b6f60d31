import { verifySecret } from "@quay/auth";
import { can, type Permission } from "@quay/core";
import { ServerError } from "../server-errors.js";
import { storeCredentials } from "../storage/scripts/users.js";
import type { ServerStore } from "../storage/server-store.js";
import type { UserPrincipal } from "./principal.js";

/**
 * Lets a call through when the caller's role holds `permission`, or when a manager of the store
 * typed their PIN at the caller's device (DESIGN.md §9).
 */
export async function requireRoleOrManagerPin(
  store: ServerStore,
  caller: UserPrincipal,
  storeId: string,
  permission: Permission,
  managerPin: string | undefined,
): Promise<void> {
  if (can(caller.user.role, permission)) return;
  if (managerPin === undefined)
    throw new ServerError("FORBIDDEN", `${caller.user.role} may not ${permission}`);
  const managers = (await store.read(storeCredentials(storeId))).filter(
    (entry) => entry.active && entry.pinHash !== null && can(entry.role, permission),
  );
  const verdicts = await Promise.all(
    managers.map((manager) => (manager.pinHash ? verifySecret(managerPin, manager.pinHash) : false)),
  );
  if (!verdicts.includes(true)) throw new ServerError("MANAGER_PIN_INVALID");
}
