import { managerPinThrottleKeys, verifySecret } from "@quay/auth";
import type { Approver } from "@quay/core";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import type { AttemptGuard } from "./attempt-guard.js";

/** Who typed a PIN, where: a PIN names no user, so its attempts count per caller (and store). */
export interface PinCaller {
  readonly userId: string;
  /** The client's address (`request.ip`). */
  readonly address: string;
}

/**
 * The manager whose PIN was typed at the counter, checked against the cached PIN hashes (works
 * offline); `null` when no PIN was given. Whether the change needs one is the core's to say
 * (`planChange` answers MANAGER_PIN_REQUIRED): a wrong PIN is refused here whatever the change,
 * and PINs tried too often are throttled (docs/security.md).
 */
export async function managerApproval(
  deps: { db: StationDb; attempts: AttemptGuard },
  caller: PinCaller,
  managerPin: string | undefined,
): Promise<Approver | null> {
  if (managerPin === undefined) return null;
  const { db } = deps;
  const storeId = db.identity()?.store.id ?? "unprovisioned";
  const approver = await deps.attempts.check(
    managerPinThrottleKeys(storeId, caller.userId, caller.address),
    async () => {
      for (const entry of db.credentials.list()) {
        if (!entry.active || !entry.pinHash || (entry.role !== "owner" && entry.role !== "manager")) continue;
        if (await verifySecret(managerPin, entry.pinHash)) return { userId: entry.userId, role: entry.role };
      }
      return null;
    },
  );
  if (!approver) throw new StationError("MANAGER_PIN_INVALID");
  return approver;
}
