import { ServerError } from "../../server-errors.js";
import { allIn, get, lockStores, run, type Script } from "../sql-script.js";
import type { PendingCounts, StationRecord } from "./records.js";

interface StationRow {
  id: string;
  tenant_id: string;
  store_id: string;
  code: string;
  name: string;
  active: number;
  created_at: string;
  last_seen_at: string | null;
  pending_open: number | null;
  pending_paid: number | null;
  refused_orders: string | null;
}

const STATION_COLUMNS =
  "id, tenant_id, store_id, code, name, active, created_at, last_seen_at, pending_open, pending_paid, refused_orders";

function toStation(row: StationRow): StationRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    storeId: row.store_id,
    code: row.code,
    name: row.name,
    active: row.active === 1,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    pending:
      row.pending_open === null || row.pending_paid === null
        ? null
        : {
            openOrders: row.pending_open,
            paidOrders: row.pending_paid,
            refused: row.refused_orders === null ? [] : JSON.parse(row.refused_orders),
          },
  };
}

export function* getStation(id: string): Script<StationRecord | undefined> {
  const row = yield* get<StationRow>(`SELECT ${STATION_COLUMNS} FROM stations WHERE id = ?`, [id]);
  return row && toStation(row);
}

export function* listStations(storeIds: readonly string[]): Script<StationRecord[]> {
  const rows = yield* allIn<StationRow>(
    `SELECT ${STATION_COLUMNS} FROM stations WHERE store_id IN (?*)`,
    storeIds,
  );
  return rows
    .map(toStation)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/**
 * Binds a station to a store. A station that sends the id it registered with before keeps its
 * id and code when the caller `mayReclaim` it: re-registering hands out that station's device
 * token and cuts the one it holds off, and its id is no secret, so only an owner or a manager may.
 * Any other station gets the store's next code: Q1, Q2…
 */
export function* registerStation(input: {
  tenantId: string;
  storeId: string;
  knownId: string | undefined;
  mayReclaim: boolean;
  newId: string;
  name: string;
  now: string;
}): Script<StationRecord> {
  yield* lockStores([input.storeId]);
  if (input.knownId) {
    const known = yield* getStation(input.knownId);
    if (known && known.storeId !== input.storeId)
      throw new ServerError("FORBIDDEN", "station of another store");
    if (known && !input.mayReclaim)
      throw new ServerError("FORBIDDEN", "re-registering a known station needs an owner or a manager");
    if (known) {
      yield* run("UPDATE stations SET name = ?, active = 1, last_seen_at = ? WHERE id = ?", [
        input.name,
        input.now,
        known.id,
      ]);
      return { ...known, name: input.name, active: true, lastSeenAt: input.now };
    }
  }
  const counter = yield* get<{ next_station_no: number }>("SELECT next_station_no FROM stores WHERE id = ?", [
    input.storeId,
  ]);
  const number = counter?.next_station_no ?? 1;
  yield* run("UPDATE stores SET next_station_no = ? WHERE id = ?", [number + 1, input.storeId]);
  const code = `Q${number}`;
  yield* run(
    `INSERT INTO stations (id, tenant_id, store_id, code, name, active, created_at, last_seen_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    [input.newId, input.tenantId, input.storeId, code, input.name, input.now, input.now],
  );
  const station = yield* getStation(input.newId);
  if (!station) throw new Error("station vanished while being registered");
  return station;
}

/** Records that the station was heard from, and what it still has to sync. */
export function* touchStation(id: string, now: string, pending: PendingCounts | undefined): Script<void> {
  if (pending) {
    yield* run("UPDATE stations SET last_seen_at = ?, pending_open = ?, pending_paid = ? WHERE id = ?", [
      now,
      pending.openOrders,
      pending.paidOrders,
      id,
    ]);
    // A station older than protocol 3 lists none: what it never said is not cleared.
    if (pending.refused !== undefined) {
      const refused = pending.refused.length === 0 ? null : JSON.stringify(pending.refused);
      yield* run("UPDATE stations SET refused_orders = ? WHERE id = ?", [refused, id]);
    }
  } else {
    yield* run("UPDATE stations SET last_seen_at = ? WHERE id = ?", [now, id]);
  }
}

export function* setStationActive(id: string, active: boolean): Script<void> {
  yield* run("UPDATE stations SET active = ? WHERE id = ?", [active ? 1 : 0, id]);
}
