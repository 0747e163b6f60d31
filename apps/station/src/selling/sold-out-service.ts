import type { Clock } from "@quay/core";
import type { CatalogSnapshot, SoldOutMark } from "@quay/protocol";
import type { SoldOutTier } from "../db/sold-out-marks.js";
import type { StationDb } from "../db/station-db.js";
import { StationError } from "../errors.js";

type CatalogItem = CatalogSnapshot["items"][number];

export interface SoldOutServiceDeps {
  readonly db: StationDb;
  /** The station's best time (corrected by the cloud's): toggles from every tier compare by it. */
  readonly clock: Clock;
  /** A spoke also owes its toggles to the shop's hub. */
  readonly isSpoke: boolean;
  /** Called after a change committed: tell the browsers, the spokes and the sync loops. */
  onChanged(): void;
}

/**
 * "Hết món" at this counter (docs/sync-protocol.md, "Sold out"): a toggle is applied to the
 * station's own catalog at once, offline too, and kept in the outbox for the cloud (and the
 * hub, for a spoke), all in one transaction. The latest toggle wins at every tier.
 */
export class SoldOutService {
  constructor(private readonly deps: SoldOutServiceDeps) {}

  /** A person at this station marks an item sold out or back on sale; answers the item. */
  toggle(userId: string, itemId: string, soldOut: boolean): CatalogItem {
    const { db } = this.deps;
    if (!db.findItem(itemId)) throw new StationError("NOT_FOUND", `item ${itemId}`);
    const mark = { itemId, soldOut, at: new Date(this.deps.clock.now()).toISOString(), userId };
    const tiers: SoldOutTier[] = this.deps.isSpoke ? ["cloud", "hub"] : ["cloud"];
    this.keep([mark], tiers);
    const item = db.findItem(itemId);
    if (!item) throw new StationError("NOT_FOUND", `item ${itemId}`);
    return item;
  }

  /**
   * As the shop's hub: a spoke's toggles, each applied when later than the held one and relayed
   * to the cloud (the spoke sends them there too; the cloud keeps the latest, once).
   */
  takeFromSpoke(marks: readonly SoldOutMark[]): void {
    this.keep(marks, ["cloud"]);
  }

  private keep(marks: readonly SoldOutMark[], tiers: readonly SoldOutTier[]): void {
    const { db } = this.deps;
    const changed = db.transaction(() => {
      let changed = false;
      for (const mark of marks) {
        if (db.applySoldOut(mark)) changed = true;
        db.soldOutMarks.record(mark, tiers);
      }
      return changed;
    });
    if (changed) this.deps.onChanged();
  }
}
