import type { Op, Role } from "@quay/core";
import {
  exceedsDiscountLimit,
  lowersQuantity,
  mergeVoidOrderIds,
  pushedNumbers,
  pushedOpRights,
  splitOrderIds,
  unbackedMergeVoid,
  unbackedSplit,
} from "@quay/core";
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
  const judged: JudgedOp[] = [];
  const mergeVoidsToCheck = new Set<Op>();
  for (const op of ops) {
    const maker = makers.get(op.deviceId);
    if (!maker) throw refuse("OP_WRONG_DEVICE", op, `made by ${op.deviceId}`);
    // The window is the op's own station's: a relayed op is as old as its maker allows.
    const earliest = Date.parse(maker.createdAt) - MAX_OP_BEFORE_REGISTRATION_MS;
    const at = Date.parse(op.at);
    if (!(at >= earliest && at <= latest)) throw refuse("OP_TIME_OUT_OF_RANGE", op, op.at);
    const rights = pushedOpRights(op, activeRole);
    if (!rights) throw refuse("OP_USER_UNKNOWN", op, `user ${op.userId}`);
    if (!rights.allowed) throw refuse("OP_NOT_ALLOWED", op, `${rights.role} may not ${op.kind}`);
    if (rights.reductionToCheck && op.kind === "setQuantity") {
      judged.push({ op, why: "an unapproved reduction", faulty: (known) => lowersQuantity(op, known) });
    }
    if (rights.discountToCheck && (op.kind === "discount" || op.kind === "discountLine")) {
      const { role } = rights;
      const why = "an unapproved discount beyond its maker's limit";
      judged.push({
        op,
        why,
        faulty: (known) => exceedsDiscountLimit(op, known, role, store.discountLimits),
      });
    }
    if (rights.mergeVoidsToCheck) mergeVoidsToCheck.add(op);
  }
  yield* checkByOrderBefore(judged, ops, (entry) => refuse("OP_NOT_ALLOWED", entry.op, entry.why));
  yield* checkMergeVoids(mergeVoidsToCheck, ops, (op) =>
    refuse("OP_NOT_ALLOWED", op, "a merge void with no merged line behind it"),
  );
  yield* checkSplits(ops, (op) => refuse("OP_NOT_ALLOWED", op, "a split with no line added for it"));
  yield* checkNumbersAreNew(store, ops, (op) => refuse("NUMBER_TAKEN", op, "number taken"));
}

/** Every split, by whomever, must be backed by the line it added (core's `unbackedSplit`). */
function* checkSplits(pushed: readonly Op[], refuse: (op: Op) => Error): Script<void> {
  const orderIds = splitOrderIds(pushed);
  if (orderIds.size === 0) return;
  const known = [...(yield* loadOrderOps([...orderIds])), ...pushed.filter((op) => orderIds.has(op.orderId))];
  const unbacked = unbackedSplit(known);
  if (unbacked) throw refuse(unbacked);
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

/** A pushed op its maker's rights leave to be judged by its order as the ops before it leave it. */
interface JudgedOp {
  readonly op: Op;
  readonly why: string;
  /** Whether the op breaks its rule, given the ops held and pushed (in any order). */
  readonly faulty: (known: readonly Op[]) => boolean;
}

/**
 * Quantity changes by users who may not reduce must not lower the quantity they change, and
 * discounts by users who may not give any beyond their role's limit must be within it: both
 * read their orders' held ops once.
 */
function* checkByOrderBefore(
  judged: readonly JudgedOp[],
  pushed: readonly Op[],
  refuse: (entry: JudgedOp) => Error,
): Script<void> {
  if (judged.length === 0) return;
  const held = yield* loadOrderOps([...new Set(judged.map((entry) => entry.op.orderId))]);
  const known = [...held, ...pushed];
  for (const entry of judged) if (entry.faulty(known)) throw refuse(entry);
}

/** Voids by users who may merge but not void must be a merge's (core's `unbackedMergeVoid`). */
function* checkMergeVoids(
  toCheck: ReadonlySet<Op>,
  pushed: readonly Op[],
  refuse: (op: Op) => Error,
): Script<void> {
  if (toCheck.size === 0) return;
  const orderIds = mergeVoidOrderIds(toCheck);
  const known = [...(yield* loadOrderOps([...orderIds])), ...pushed.filter((op) => orderIds.has(op.orderId))];
  const unbacked = unbackedMergeVoid(known, (op) => !toCheck.has(op));
  if (unbacked) throw refuse(unbacked);
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
