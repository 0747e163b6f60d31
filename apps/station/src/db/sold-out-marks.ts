import { isLaterToggle } from "@quay/core";
import type { SoldOutMark } from "@quay/protocol";
import type Database from "better-sqlite3";
import type { StationDatabase } from "./open-database.js";

/** Who a toggle is owed to: the cloud, or the shop's hub (a spoke's). */
export type SoldOutTier = "cloud" | "hub";

interface MarkRow {
  item_id: string;
  sold_out: number;
  at: string;
  user_id: string;
}

const COLUMN: Record<SoldOutTier, string> = { cloud: "to_cloud", hub: "to_hub" };

/**
 * The outbox of sold-out toggles (`sold_out_marks`): per item the latest this station made or
 * took from a spoke, owed to each tier until it answered. Sending one twice is harmless (every
 * tier keeps the latest by `at`), so a lost answer simply sends it again.
 */
export class SoldOutMarks {
  private readonly selectOne;
  private readonly upsert;
  private readonly owed: Record<SoldOutTier, Database.Statement<[number], MarkRow>>;
  private readonly settle: Record<SoldOutTier, Database.Statement<[string, string]>>;
  private readonly counts;

  constructor(db: StationDatabase) {
    this.selectOne = db.prepare<[string], { at: string }>("SELECT at FROM sold_out_marks WHERE item_id = ?");
    this.upsert = db.prepare<[string, number, string, string, number, number]>(
      `INSERT INTO sold_out_marks(item_id, sold_out, at, user_id, to_cloud, to_hub) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(item_id) DO UPDATE SET sold_out = excluded.sold_out, at = excluded.at,
         user_id = excluded.user_id, to_cloud = excluded.to_cloud, to_hub = excluded.to_hub`,
    );
    const owed = (column: string) =>
      db.prepare<[number], MarkRow>(
        `SELECT item_id, sold_out, at, user_id FROM sold_out_marks WHERE ${column} = 1 LIMIT ?`,
      );
    // Only the toggle that was sent: a later one made meanwhile stays owed.
    const settle = (column: string) =>
      db.prepare<[string, string]>(`UPDATE sold_out_marks SET ${column} = 0 WHERE item_id = ? AND at = ?`);
    this.owed = { cloud: owed(COLUMN.cloud), hub: owed(COLUMN.hub) };
    this.settle = { cloud: settle(COLUMN.cloud), hub: settle(COLUMN.hub) };
    this.counts = db.prepare<[], { cloud: number | null; hub: number | null }>(
      "SELECT SUM(to_cloud) AS cloud, SUM(to_hub) AS hub FROM sold_out_marks",
    );
  }

  /** Keeps `mark` as owed to `tiers` when it is later than the one held for its item. */
  record(mark: SoldOutMark, tiers: readonly SoldOutTier[]): boolean {
    const held = this.selectOne.get(mark.itemId);
    if (held && !isLaterToggle(mark.at, held.at)) return false;
    const owes = (tier: SoldOutTier) => (tiers.includes(tier) ? 1 : 0);
    this.upsert.run(mark.itemId, mark.soldOut ? 1 : 0, mark.at, mark.userId, owes("cloud"), owes("hub"));
    return true;
  }

  /** The toggles `tier` has not applied yet, at most `limit`. */
  owedTo(tier: SoldOutTier, limit: number): SoldOutMark[] {
    return this.owed[tier].all(limit).map((row) => ({
      itemId: row.item_id,
      soldOut: row.sold_out === 1,
      at: row.at,
      userId: row.user_id,
    }));
  }

  /** `tier` applied (or refused for good) these toggles: no longer owed to it. */
  settled(tier: SoldOutTier, marks: readonly SoldOutMark[]): void {
    for (const mark of marks) this.settle[tier].run(mark.itemId, mark.at);
  }

  owedCount(tier: SoldOutTier): number {
    return this.counts.get()?.[tier] ?? 0;
  }
}
