import { managerPinThrottleKeys, verifySecret } from "@quay/auth";
import type { Approver } from "@quay/core";
import type { ServerContext } from "../server-context.js";
import { ServerError } from "../server-errors.js";
import type { StoreRecord } from "../storage/scripts/records.js";
import { storeCredentials } from "../storage/scripts/users.js";

/** Who typed a PIN, where: a PIN names no user, so its attempts count per store and caller. */
export interface PinCaller {
  readonly store: StoreRecord;
  readonly userId: string;
  /** The client's address (`request.ip`). */
  readonly address: string;
}

/**
 * The manager of the store whose PIN was typed at the caller's device; `null` when no PIN was
 * given. Whether the change needs one is the core's to say (`planChange` answers
 * MANAGER_PIN_REQUIRED): a wrong PIN is refused here whatever the change, and PINs tried too
 * often are throttled (docs/security.md).
 */
export async function managerApproval(
  context: Pick<ServerContext, "storage" | "attempts">,
  caller: PinCaller,
  managerPin: string | undefined,
): Promise<Approver | null> {
  if (managerPin === undefined) return null;
  const { store } = caller;
  const approver = await context.attempts.check(
    managerPinThrottleKeys(store.id, caller.userId, caller.address),
    store.tenantId,
    async () => {
      const managers = (await context.storage.read(storeCredentials(store.id))).filter(
        (entry) =>
          entry.active && entry.pinHash !== null && (entry.role === "owner" || entry.role === "manager"),
      );
      const verdicts = await Promise.all(
        managers.map((manager) => (manager.pinHash ? verifySecret(managerPin, manager.pinHash) : false)),
      );
      return managers.find((_, index) => verdicts[index]) ?? null;
    },
  );
  if (!approver) throw new ServerError("MANAGER_PIN_INVALID");
  return { userId: approver.userId, role: approver.role };
}
