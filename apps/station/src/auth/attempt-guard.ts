import { forgottenUpTo, type ThrottleKeys, throttledAttempt } from "@quay/auth";
import type { Clock } from "@quay/core";
import type { AttemptLog } from "../db/attempt-log.js";
import { StationError } from "../errors.js";
import type { Logger } from "../logger.js";

/**
 * Passwords and manager PINs checked under the throttle (docs/security.md, "Throttling"), online
 * and offline alike; the counts live in the station's file, so a lock outlives a restart.
 */
export class AttemptGuard {
  constructor(
    private readonly attempts: AttemptLog,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Runs `check` as one attempt under `keys`; resolves to its value, null for a wrong secret. A
   * throw from `check` (no verdict) does not count. While either key must wait it refuses with
   * 429 TOO_MANY_ATTEMPTS and checks nothing.
   */
  async check<T>(keys: ThrottleKeys, check: () => Promise<T | null>): Promise<T | null> {
    const nowMs = this.clock.now();
    const attempt = await throttledAttempt(this.attempts, keys, nowMs, check);
    if (attempt.refused) {
      throw new StationError("TOO_MANY_ATTEMPTS", keys.subject, {
        retryAfterSeconds: Math.ceil(attempt.retryAfterMs / 1000),
      });
    }
    if (attempt.value === null) {
      if (attempt.locked.length > 0) {
        this.logger.warn(
          {
            subject: keys.subject,
            address: keys.address,
            locked: attempt.locked.map((role) => keys[role]),
            until: new Date(attempt.lockedUntil).toISOString(),
          },
          "too many failed attempts: locked",
        );
      }
      this.attempts.pruneUpTo(forgottenUpTo(nowMs));
    }
    return attempt.value;
  }
}
