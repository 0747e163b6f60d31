import { can } from "@quay/core";
import type { SoldOutMark } from "@quay/protocol";
import { ServerError } from "../../server-errors.js";
import { run, type Script } from "../sql-script.js";
import { recordStoreChange, storeHead } from "./store-changes.js";
import { storeCredentials } from "./users.js";

/**
 * Applies sold-out toggles to a store's items, each only when it is later than the item's last
 * (`sold_out_at`): the latest toggle wins whatever order they arrive in, and a toggle sent twice
 * changes nothing the second time. A toggle of an item the store no longer has is dropped (its
 * station must not retry it for ever). When anything changed, the catalog takes a sequence
 * number, so every station pulls it and browsers hear `catalog`; answers the store's head.
 *
 * `checkUsers` (a station's toggles): each names an active user of the store allowed
 * `items.soldOut`, else the whole call is refused (403 FORBIDDEN) and nothing changes.
 */
export function* applySoldOutMarks(input: {
  storeId: string;
  marks: readonly SoldOutMark[];
  checkUsers: boolean;
}): Script<number> {
  if (input.checkUsers) {
    const staff = new Map((yield* storeCredentials(input.storeId)).map((entry) => [entry.userId, entry]));
    for (const mark of input.marks) {
      const user = staff.get(mark.userId);
      if (!user?.active || !can(user.role, "items.soldOut")) {
        throw new ServerError("FORBIDDEN", `user ${mark.userId} may not mark items sold out`);
      }
    }
  }
  let changed = 0;
  for (const mark of input.marks) {
    changed += yield* run(
      `UPDATE items SET sold_out = ?, sold_out_at = ?
       WHERE id = ? AND store_id = ? AND (sold_out_at IS NULL OR sold_out_at < ?)`,
      [mark.soldOut ? 1 : 0, mark.at, mark.itemId, input.storeId, mark.at],
    );
  }
  if (changed === 0) return yield* storeHead(input.storeId);
  return yield* recordStoreChange([input.storeId], { catalog: true, users: false });
}
