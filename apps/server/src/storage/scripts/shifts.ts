import type { ShiftView } from "@quay/protocol";
import { allIn, type Script } from "../sql-script.js";

/**
 * The shifts of these stores closed on local days `from` to `to` (both included), as their
 * counters closed them, oldest close first.
 */
export function* closedShifts(input: {
  storeIds: readonly string[];
  from: string;
  to: string;
}): Script<ShiftView[]> {
  const rows = yield* allIn<{ body: string }>(
    `SELECT body FROM shifts WHERE store_id IN (?*) AND closed_day >= ? AND closed_day <= ?
     ORDER BY closed_at, id`,
    input.storeIds,
    [],
    [input.from, input.to],
  );
  return rows.map((row) => JSON.parse(row.body) as ShiftView);
}
