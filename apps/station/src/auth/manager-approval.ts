import { verifySecret } from "@quay/auth";
import type { Approver } from "@quay/core";
import { StationError } from "../errors.js";
import type { StationStore } from "../store/station-store.js";

/**
 * The manager whose PIN was typed at the counter, checked against the cached PIN hashes (works
 * offline); `null` when no PIN was given. Whether the change needs one is the core's to say
 * (`planChange` answers MANAGER_PIN_REQUIRED): a wrong PIN is refused here whatever the change.
 */
export async function managerApproval(
  store: StationStore,
  managerPin: string | undefined,
): Promise<Approver | null> {
  if (managerPin === undefined) return null;
  for (const entry of store.credentials.list()) {
    if (!entry.active || !entry.pinHash || (entry.role !== "owner" && entry.role !== "manager")) continue;
    if (await verifySecret(managerPin, entry.pinHash)) return { userId: entry.userId, role: entry.role };
  }
  throw new StationError("MANAGER_PIN_INVALID");
}
