import type { Clock } from "@quay/core";
import type { SettingsStore } from "../db/settings-store.js";

/** Smaller changes of the measured offset are noise (the network's delay): not worth a write. */
const REMEASURE_MS = 1_000;

/**
 * The server's time as this station best knows it: the PC's clock plus the offset measured on
 * the server's last answer (its `serverTime`), kept across restarts. Ops are stamped with it, so
 * a PC whose clock is hours off still puts its sales on the right day and orders its changes
 * fairly against other devices' (last-writer-wins compares times). Before the first answer, and
 * for timers and sessions, the PC's own clock is used. The error is at most the network's delay.
 */
export class ServerClock implements Clock {
  constructor(
    private readonly local: Clock,
    private readonly settings: SettingsStore,
  ) {}

  get offsetMs(): number {
    return this.settings.get("clockOffsetMs") ?? 0;
  }

  now(): number {
    return this.local.now() + this.offsetMs;
  }

  /** The server said it is `serverMs` now. */
  observe(serverMs: number): void {
    if (!Number.isFinite(serverMs)) return;
    const offset = serverMs - this.local.now();
    if (Math.abs(offset - this.offsetMs) >= REMEASURE_MS) this.settings.set("clockOffsetMs", offset);
  }
}
