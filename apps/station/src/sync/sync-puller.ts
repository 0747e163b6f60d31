import type { Op } from "@quay/core";
import type { BankTransfer } from "@quay/protocol";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";
import type { ServerClient } from "./server-client.js";
import { ServerLostError } from "./sync-failure.js";

export interface PullerDeps {
  readonly db: StationDb;
  readonly client: Pick<ServerClient, "pull">;
  /** Hears of every page the server answered. */
  readonly monitor: { reportSuccess(): void };
  /** The clock pulls are timed by (the scheduler's). */
  now(): number;
  /** The link's signal: aborted when the server is lost. */
  signal(): AbortSignal;
  /** Orders changed by pulled ops (committed). */
  onOrdersChanged(orderIds: readonly string[]): void;
  /** Ops per pull page. */
  readonly pullLimit: number;
  /**
   * Which tier this puller follows: the cloud (its cursor and device token), or the shop's hub
   * (`hubCursor`, `hubToken`; what it pulls the hub holds). The cloud unless said.
   */
  readonly tier?: "cloud" | "hub";
  /** A page was applied (committed), whatever it carried. */
  onApplied?(): void;
  /** Transfers the store's bank confirmed, as a page of the cloud brought them (after its commit). */
  onBankTransfers?(transfers: readonly BankTransfer[]): void;
  /**
   * Whether a page's catalog and users replace the station's (the cloud's always do). A hub's copy
   * may be older than what the station pulled from the cloud itself: a spoke takes it only while
   * its cloud is out of reach, so it never brings back a price or a user the cloud changed.
   */
  takesSnapshots?(): boolean;
}

const TIER_KEYS = {
  cloud: { cursor: "cursor", token: "deviceToken" },
  hub: { cursor: "hubCursor", token: "hubToken" },
} as const;

/**
 * Brings the station up to date with the server: pages after the station's cursor until the
 * server has no more, each page applied in one transaction (ops, catalog, users and the new
 * cursor together, so a crash never skips or repeats a page's effects). One pull at a time.
 */
export class SyncPuller {
  private wanted = true;
  private lastPullAt = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly deps: PullerDeps) {}

  /** Whether a pull was asked for since the last one began. */
  get isWanted(): boolean {
    return this.wanted;
  }

  /** Asks for a pull at the next round. */
  want(): void {
    this.wanted = true;
  }

  /** Whether the last pull ended longer than `everyMs` before `now`. */
  isStale(now: number, everyMs: number): boolean {
    return now - this.lastPullAt > everyMs;
  }

  /** Pulls pages until the server has nothing more; after the pulls already asked for. */
  pullAll(): Promise<void> {
    const next = this.chain.then(() => this.pullPages());
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Resolves when no pull is in progress. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async pullPages(): Promise<void> {
    const { db, client, monitor } = this.deps;
    const tier = this.deps.tier ?? "cloud";
    const keys = TIER_KEYS[tier];
    this.wanted = false;
    for (;;) {
      const token = db.settings.get(keys.token);
      if (!token) throw new StationError("NOT_PROVISIONED");
      const cursor = db.settings.get(keys.cursor) ?? 0;
      const signal = this.deps.signal();
      const page = await client.pull(token, cursor, this.deps.pullLimit, signal);
      if (signal.aborted) throw new ServerLostError("pull answered after the server was lost");
      monitor.reportSuccess();
      const touched = db.transaction(() => {
        const touched = db.orders.applyRemote(page.ops as Op[], tier === "hub");
        const takesSnapshots = this.deps.takesSnapshots?.() ?? true;
        if (page.catalog && takesSnapshots) db.replaceCatalog(page.catalog);
        if (page.users && takesSnapshots) db.replaceUsers(page.users);
        db.settings.set(keys.cursor, page.cursor);
        return touched;
      });
      if (touched.length > 0) this.deps.onOrdersChanged(touched);
      if (page.bankTransfers.length > 0) this.deps.onBankTransfers?.(page.bankTransfers);
      this.deps.onApplied?.();
      if (!page.more || page.cursor <= cursor) break;
    }
    this.lastPullAt = this.deps.now();
  }
}
