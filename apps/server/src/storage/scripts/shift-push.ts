import { can, foldShift, localDate, type ShiftOp, sameOp, shiftReport } from "@quay/core";
import { MAX_OP_AHEAD_MS } from "@quay/protocol";
import { ServerError } from "../../server-errors.js";
import { allIn, run, type Script } from "../sql-script.js";
import { MAX_OP_BEFORE_REGISTRATION_MS } from "./push-checks.js";
import type { StationRecord, StoreRecord } from "./records.js";
import { type PushInput, type PushResult, pushOps } from "./sync-push.js";
import { storeCredentials } from "./users.js";

export interface ShiftPushInput {
  readonly station: StationRecord;
  readonly store: StoreRecord;
  readonly shiftOps: readonly ShiftOp[];
  readonly nowMs: number;
}

/**
 * A push with its shift ops (protocol 6; docs/sync-protocol.md, "Shifts"), in one transaction:
 * the order ops as `pushOps` takes them, then the shift ops; `held` answers both.
 */
export function* pushOpsAndShifts(
  input: PushInput & { readonly shiftOps: readonly ShiftOp[] },
): Script<PushResult> {
  const result = yield* pushOps(input);
  if (input.shiftOps.length === 0) return result;
  const held = yield* pushShiftOps({ ...input, nowMs: Date.parse(input.now) });
  return { ...result, held: [...result.held, ...held] };
}

/**
 * Stores a station's shift ops by id (the same op is stored once, however often it comes) and
 * re-folds each shift they touch. Trusts nothing: a shift op is the pushing station's own (a hub
 * never relays them: each counter pushes its own shift), by an active user of the store who may
 * run shifts, stamped within the station's window, for a shift of this store; an id held already
 * must be the same op. Any refusal refuses the whole push.
 */
export function* pushShiftOps(input: ShiftPushInput): Script<string[]> {
  const { station, store } = input;
  const unique = [...new Map(input.shiftOps.map((op) => [op.id, op])).values()];
  const ids = unique.map((op) => op.id);
  const heldBefore = new Map(
    (yield* allIn<{ id: string; store_id: string; body: string }>(
      "SELECT id, store_id, body FROM shift_ops WHERE id IN (?*)",
      ids,
    )).map((row) => [row.id, row]),
  );
  const fresh = unique.filter((op) => {
    const held = heldBefore.get(op.id);
    if (!held) return true;
    if (held.store_id !== store.id)
      throw new ServerError("FORBIDDEN", `shift op ${op.id} is in another store`);
    if (!sameOp(JSON.parse(held.body), op)) throw new ServerError("OP_CONFLICT", `shift op ${op.id} differs`);
    return false;
  });
  if (fresh.length === 0) return ids;

  const staff = new Map((yield* storeCredentials(store.id)).map((entry) => [entry.userId, entry]));
  const earliest = Date.parse(station.createdAt) - MAX_OP_BEFORE_REGISTRATION_MS;
  const latest = input.nowMs + MAX_OP_AHEAD_MS;
  for (const op of fresh) {
    if (op.deviceId !== station.id) throw new ServerError("OP_WRONG_DEVICE", `shift op ${op.id}`);
    const at = Date.parse(op.at);
    if (!(at >= earliest && at <= latest)) throw new ServerError("OP_TIME_OUT_OF_RANGE", `shift op ${op.id}`);
    const user = staff.get(op.userId);
    if (!user?.active) throw new ServerError("OP_USER_UNKNOWN", `shift op ${op.id}`);
    if (!can(user.role, "shifts.run")) throw new ServerError("OP_NOT_ALLOWED", `shift op ${op.id}`);
    if (op.kind === "shiftOpen" && op.data.storeId !== store.id)
      throw new ServerError("FORBIDDEN", `shift op ${op.id} opens a shift in another store`);
  }
  const shiftIds = [...new Set(fresh.map((op) => op.shiftId))];
  const otherStore = yield* allIn<{ id: string }>(
    "SELECT id FROM shifts WHERE id IN (?*) AND store_id <> ?",
    shiftIds,
    [],
    [store.id],
  );
  if (otherStore.length > 0)
    throw new ServerError("FORBIDDEN", `shift ${otherStore[0]?.id} is in another store`);

  for (const op of fresh) {
    yield* run(
      `INSERT INTO shift_ops (id, tenant_id, store_id, shift_id, device_id, body) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
      [op.id, store.tenantId, store.id, op.shiftId, op.deviceId, JSON.stringify(op)],
    );
  }
  const stored = yield* allIn<{ shift_id: string; body: string }>(
    "SELECT shift_id, body FROM shift_ops WHERE shift_id IN (?*)",
    shiftIds,
  );
  for (const shiftId of shiftIds) {
    const ops = stored
      .filter((row) => row.shift_id === shiftId)
      .map((row) => JSON.parse(row.body) as ShiftOp);
    const state = foldShift(shiftId, ops);
    // The server holds the figures the counter closed with; an open shift's sales are the counter's to tell.
    const shift = shiftReport(state, []);
    const closedDay = state.closedAt === null ? null : localDate(Date.parse(state.closedAt), store.timeZone);
    yield* run(
      `INSERT INTO shifts (id, tenant_id, store_id, station_id, opened_at, closed_at, closed_day, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET station_id = excluded.station_id, opened_at = excluded.opened_at,
         closed_at = excluded.closed_at, closed_day = excluded.closed_day, body = excluded.body`,
      [
        shiftId,
        store.tenantId,
        store.id,
        state.stationId,
        state.openedAt,
        state.closedAt,
        closedDay,
        JSON.stringify(shift),
      ],
    );
  }
  return ids;
}
