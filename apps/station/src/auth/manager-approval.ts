import { verifySecret } from "@quay/auth";
import type { Role } from "@quay/protocol";
import { StationError } from "../errors.js";
import type { StationStore } from "../store/station-store.js";

const MANAGER_ROLES: readonly Role[] = ["owner", "manager"];

export function isManager(role: Role): boolean {
  return MANAGER_ROLES.includes(role);
}

/**
 * Voids and discounts need manager rights: a manager signed in, or a manager's PIN typed at the
 * counter, checked against the cached PIN hashes (works offline). Returns the approving user's id.
 */
export async function requireManager(store: StationStore, role: Role, managerPin: string | undefined) {
  if (isManager(role)) return null;
  if (!managerPin) throw new StationError("MANAGER_PIN_REQUIRED");
  for (const entry of store.credentials.list()) {
    if (!entry.active || !entry.pinHash || !isManager(entry.role)) continue;
    if (await verifySecret(managerPin, entry.pinHash)) return entry.userId;
  }
  throw new StationError("MANAGER_PIN_INVALID");
}
