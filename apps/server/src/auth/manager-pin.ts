import { verifySecret } from "@quay/auth";
import type { Approver } from "@quay/core";
import { ServerError } from "../server-errors.js";
import { storeCredentials } from "../storage/scripts/users.js";
import type { ServerStore } from "../storage/server-store.js";

/**
 * The manager of the store whose PIN was typed at the caller's device; `null` when no PIN was
 * given. Whether the change needs one is the core's to say (`planChange` answers
 * MANAGER_PIN_REQUIRED): a wrong PIN is refused here whatever the change (docs/security.md).
 */
export async function managerApproval(
  store: ServerStore,
  storeId: string,
  managerPin: string | undefined,
): Promise<Approver | null> {
  if (managerPin === undefined) return null;
  const managers = (await store.read(storeCredentials(storeId))).filter(
    (entry) => entry.active && entry.pinHash !== null && (entry.role === "owner" || entry.role === "manager"),
  );
  const verdicts = await Promise.all(
    managers.map((manager) => (manager.pinHash ? verifySecret(managerPin, manager.pinHash) : false)),
  );
  const approver = managers.find((_, index) => verdicts[index]);
  if (!approver) throw new ServerError("MANAGER_PIN_INVALID");
  return { userId: approver.userId, role: approver.role };
}
