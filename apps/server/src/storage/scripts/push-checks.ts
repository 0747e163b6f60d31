import type { Op, Role } from "@quay/core";
import { judgePushRights, pushedNumbers } from "@quay/core";
import { MAX_OP_AHEAD_MS } from "@quay/protocol";
import { ServerError, type ServerErrorCode } from "../../server-errors.js";
import { allIn, type Script } from "../sql-script.js";
import { loadOrderOps } from "./order-log.js";
import type { StationRecord, StoreRecord } from "./records.js";
import { listStations } from "./stations.js";
import { storeCredentials } from "./users.js";

/** How long before its station's registration an op may be stamped (a clock set late, then corrected). */
export const MAX_OP_BEFORE_REGISTRATION_MS = 7 * 24 * 60 * 60 * 1000;

export interface PushCheckInput {
  readonly station: StationRecord;
  readonly store: StoreRecord;
  /** The push's ops, one per id. */
  readonly ops: readonly Op[];
  readonly nowMs: number;
}

/**
 * Trusts nothing a device pushes (docs/security.md): every new op must be the pushing station's
 * own or, relayed by a shop's hub, another active station's of the same store, by an active user of the store with the right for its kind (or a manager's `approvedBy`),
 * stamped between the station's registration and the server's clock, and an order's number new
 * in the tenant. The first op that fails refuses the push for good, naming its order and op, so
 * the station sets that order apart for a manager and pushes the rest.
 */
export function* checkPushedOps(input: PushCheckInput): Script<void> {
  const { station, store, ops, nowMs } = input;
  if (ops.length === 0) return;
  const staff = new Map((yield* storeCredentials(store.id)).map((entry) => [entry.userId, entry]));
  const makers = yield* opMakers(station, store, ops);
  const latest = nowMs + MAX_OP_AHEAD_MS;
  const refuse = (code: ServerErrorCode, op: Op, detail: string) =>
    new ServerError(code, `op ${op.id}: ${detail}`, { orderId: op.orderId, opId: op.id });

  const activeRole = (userId: string | undefined): Role | null => {
    const entry = userId === undefined ? undefined : staff.get(userId);
    return entry?.active ? entry.role : null;
  };
  for (const op of ops) {
    const maker = makers.get(op.deviceId);
    if (!maker) throw refuse("OP_WRONG_DEVICE", op, `made by ${op.deviceId}`);
    // The window is the op's own station's: a relayed op is as old as its maker allows.
    const earliest = Date.parse(maker.createdAt) - MAX_OP_BEFORE_REGISTRATION_MS;
    const at = Date.parse(op.at);
    if (!(at >= earliest && at <= latest)) throw refuse("OP_TIME_OUT_OF_RANGE", op, op.at);
  }
  const rights = judgePushRights(ops, activeRole, store.discountLimits);
  const fault =
    rights.fault ??
    (rights.orderIds.size > 0 ? rights.judge(yield* loadOrderOps([...rights.orderIds])) : null);
  if (fault) throw refuse(fault.code, fault.op, fault.detail);
  yield* checkNumbersAreNew(store, ops, (op) => refuse("NUMBER_TAKEN", op, "number taken"));
}

/**
 * The stations whose ops this push may carry, by id: the pushing station, and when the push
 * relays ops of other devices (a hub passing on its spokes' sales), the active stations of the
 * same store. Any other device (another store's station, a revoked one, a phone) is absent.
 */
function* opMakers(
  station: StationRecord,
  store: StoreRecord,
  ops: readonly Op[],
): Script<Map<string, StationRecord>> {
  const makers = new Map([[station.id, station]]);
  if (ops.every((op) => op.deviceId === station.id)) return makers;
  for (const other of yield* listStations([store.id])) {
    if (other.active && other.storeId === store.id) makers.set(other.id, other);
  }
  return makers;
}

/** Invoice numbers are unique in the tenant: an order opened with another order's number is refused. */
function* checkNumbersAreNew(
  store: StoreRecord,
  ops: readonly Op[],
  refuse: (op: Op) => Error,
): Script<void> {
  const byNumber = pushedNumbers(ops, refuse);
  if (byNumber.size === 0) return;
  const taken = yield* allIn<{ id: string; number: string }>(
    "SELECT id, number FROM orders WHERE tenant_id = ? AND number IN (?*)",
    [...byNumber.keys()],
    [store.tenantId],
  );
  for (const row of taken) {
    const op = byNumber.get(row.number);
    if (op && op.orderId !== row.id) throw refuse(op);
  }
}
