import type { Clock } from "@quay/core";
import type { Session } from "../auth/session-manager.js";

interface PhoneSighting {
  readonly userName: string;
  readonly username: string;
  readonly address: string;
  readonly lastSeenMs: number;
}

/** A phone not heard from for this long has left the list (a day: yesterday's shift is gone). */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * What is connected to this station, as the cashier's "connected" dialog shows it: when each
 * spoke and each phone's session last called. Kept in memory: after a restart a device shows up
 * again at its next call (spokes every few seconds, phones at their next refresh).
 */
export class ConnectionLog {
  readonly #phones = new Map<string, PhoneSighting>();
  readonly #spokes = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** A signed-in call from another machine than this one. */
  sawPhone(session: Session, address: string): void {
    const { name, username } = session.user;
    this.#phones.set(session.id, { userName: name, username, address, lastSeenMs: this.clock.now() });
  }

  sawSpoke(stationId: string): void {
    this.#spokes.set(stationId, this.clock.now());
  }

  /** When the spoke last called, since this station started; null if it has not. */
  spokeLastSeen(stationId: string): string | null {
    const seen = this.#spokes.get(stationId);
    return seen === undefined ? null : new Date(seen).toISOString();
  }

  /** The phones' sessions of the last day, the most recently seen first. */
  phones(): { userName: string; username: string; address: string; lastSeenAt: string }[] {
    const now = this.clock.now();
    for (const [id, phone] of this.#phones)
      if (now - phone.lastSeenMs > FORGET_AFTER_MS) this.#phones.delete(id);
    return [...this.#phones.values()]
      .sort((a, b) => b.lastSeenMs - a.lastSeenMs)
      .map(({ lastSeenMs, ...phone }) => ({ ...phone, lastSeenAt: new Date(lastSeenMs).toISOString() }));
  }
}
