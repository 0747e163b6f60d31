import {
  type AttemptRecords,
  type AttemptStore,
  forgottenUpTo,
  type ThrottleKeys,
  throttledAttempt,
} from "@quay/auth";
import type { Clock } from "@quay/core";
import type { FastifyBaseLogger } from "fastify";
import { ServerError } from "../server-errors.js";
import { lockAttempts, pruneAttempts, storeAttempt } from "../storage/scripts/auth-attempts.js";
import type { ServerStorage } from "../storage/server-storage.js";
import type { Script } from "../storage/sql-script.js";

/**
 * Passwords and manager PINs checked under the throttle (docs/security.md, "Throttling"), the
 * counts kept in the database so a lock outlives a restart and holds for every server instance.
 */
export class AttemptGuard {
  constructor(
    private readonly storage: ServerStorage,
    private readonly clock: Clock,
    private readonly log: FastifyBaseLogger,
  ) {}

  /**
   * Runs `check` as one attempt under `keys`; resolves to its value, null for a wrong secret.
   * While either key must wait it refuses with 429 TOO_MANY_ATTEMPTS and checks nothing.
   * `tenantId` is the tenant the subject belongs to, when there is one.
   */
  async check<T>(
    keys: ThrottleKeys,
    tenantId: string | null,
    check: () => Promise<T | null>,
  ): Promise<T | null> {
    const nowMs = this.clock.now();
    const attempt = await throttledAttempt(new DatabaseAttempts(this.storage, tenantId), keys, nowMs, check);
    if (attempt.refused) {
      throw new ServerError("TOO_MANY_ATTEMPTS", keys.subject, {
        retryAfterSeconds: Math.ceil(attempt.retryAfterMs / 1000),
      });
    }
    if (attempt.value === null) {
      if (attempt.locked.length > 0) {
        this.log.warn(
          {
            subject: keys.subject,
            address: keys.address,
            locked: attempt.locked.map((role) => keys[role]),
            until: new Date(attempt.lockedUntil).toISOString(),
          },
          "too many failed attempts: locked",
        );
      }
      await this.storage.write(pruneAttempts(forgottenUpTo(nowMs)));
    }
    return attempt.value;
  }
}

/** The `auth_attempts` table as the throttle's store: one write transaction per update. */
class DatabaseAttempts implements AttemptStore {
  constructor(
    private readonly storage: ServerStorage,
    private readonly tenantId: string | null,
  ) {}

  update<T>(keys: ThrottleKeys, change: (current: AttemptRecords) => { records: AttemptRecords; result: T }) {
    const { tenantId } = this;
    return this.storage.write(
      (function* (): Script<T> {
        const locked = yield* lockAttempts([keys.subject, keys.address]);
        const { records, result } = change({
          subject: locked.get(keys.subject),
          address: locked.get(keys.address),
        });
        yield* storeAttempt(keys.subject, tenantId, records.subject);
        yield* storeAttempt(keys.address, null, records.address);
        return result;
      })(),
    );
  }
}
