import { formatInvoiceNumber, localDate } from "@quay/core";
import { get, type Script } from "../sql-script.js";
import type { StoreRecord } from "./records.js";

/** The next number for an order opened on the server: `STORE-W-YYYYMMDD-NNNN`, per store and local day. */
export function* nextServerOrderNumber(store: StoreRecord, nowMs: number): Script<string> {
  const day = localDate(nowMs, store.timeZone);
  const row = yield* get<{ last: number }>(
    `INSERT INTO order_counters (tenant_id, store_id, day, last) VALUES (?, ?, ?, 1)
     ON CONFLICT (store_id, day) DO UPDATE SET last = order_counters.last + 1 RETURNING last`,
    [store.tenantId, store.id, day],
  );
  return formatInvoiceNumber({
    storeCode: store.code,
    stationCode: "W",
    epochMs: nowMs,
    sequence: row?.last ?? 1,
    timeZone: store.timeZone,
  });
}
