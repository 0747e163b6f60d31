import { MAX_SOLD_OUT_MARKS } from "@quay/protocol";
import type { SoldOutTier } from "../db/sold-out-marks.js";
import type { StationDb } from "../db/station-db.js";
import type { Logger } from "../logger.js";
import { isRefusedForGood } from "./refusal-isolation.js";
import { type ServerClient, ServerRejectedError } from "./server-client.js";
import { ServerLostError } from "./sync-failure.js";

export interface SoldOutSenderDeps {
  readonly db: StationDb;
  readonly client: Pick<ServerClient, "soldOut">;
  /** Whom it sends to: the cloud (`deviceToken`) or the shop's hub (`hubToken`). */
  readonly tier: SoldOutTier;
  /** Hears of every answer. */
  readonly monitor: { reportSuccess(): void };
  readonly logger: Logger;
  /** The link's signal: aborted when the receiver is lost. */
  signal(): AbortSignal;
}

const TOKEN = { cloud: "deviceToken", hub: "hubToken" } as const;

/**
 * Sends the sold-out toggles owed to one tier (docs/sync-protocol.md, "Sold out") on its sync
 * loop, online or not yet synced: they are menu state, not sales, so no cashier's consent. A
 * toggle is settled from the answer that applied it; one refused for good (its user no longer
 * allowed, a receiver without the call) is dropped so it never blocks the rest, and the
 * counter's own catalog keeps it until the next toggle or pull says otherwise.
 */
export class SoldOutSender {
  constructor(private readonly deps: SoldOutSenderDeps) {}

  owedCount(): number {
    return this.deps.db.soldOutMarks.owedCount(this.deps.tier);
  }

  async sendOwed(): Promise<void> {
    const { db, client, tier, monitor, logger } = this.deps;
    for (let round = 0; round < 100; round++) {
      const marks = db.soldOutMarks.owedTo(tier, MAX_SOLD_OUT_MARKS);
      if (marks.length === 0) return;
      const token = db.settings.get(TOKEN[tier]);
      if (!token) return; // not registered there yet: kept until it is
      const signal = this.deps.signal();
      try {
        await client.soldOut(token, marks, signal);
        if (signal.aborted) throw new ServerLostError("sold-out answered after the link was lost");
        monitor.reportSuccess();
      } catch (error) {
        if (!isRefusedForGood(error)) {
          // Lost links and a refused token are the loop's to handle; anything else waits for the
          // next round without holding the sales back.
          if (!(error instanceof ServerRejectedError) || error.status === 401) throw error;
          logger.warn({ tier, code: error.code }, "sold-out toggles not taken; kept for the next round");
          return;
        }
        logger.warn(
          { tier, code: error.code, marks: marks.length },
          "sold-out toggles refused for good; dropped",
        );
      }
      db.transaction(() => db.soldOutMarks.settled(tier, marks));
    }
  }
}
