/**
 * Test support, not shipped code: fast-check arbitraries for realistic order op logs.
 * Every generated log has valid envelopes: unique UUIDv7 ids, `at` within one day, a device from
 * a small set, and `deviceSeq` increasing with each device's own time.
 */
import fc from "fast-check";
import { VAT_RATES } from "./catalog.js";
import { fixedClock } from "./clock.js";
import { dong } from "./money.js";
import { type Op, type OpData, PAYMENT_METHODS } from "./order-op.js";
import { DAY_START_MS, type Envelope, makeOp } from "./order-op-builder.test-support.js";
import { uuidV7Generator } from "./uuid-v7.js";

export const DEVICES = ["station-1", "phone-a", "phone-b"] as const;
const TABLES = ["table-1", "table-2", "table-3", null] as const;
const DAY_MS = 86_400_000;

/** A moment in the day, often one shared with other ops so that ties have to be broken. */
const instant = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: DAY_MS - 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 60_000, 3_600_000) },
);
const amount = (max: number) => fc.integer({ min: 0, max });
const reason = fc.constantFrom("khách đổi ý", "nhầm món", "hết hàng");
/** Which line a change points at; resolved against the generated lines, one past them is missing. */
const lineRef = fc.nat({ max: 20 });

type Draft =
  | { kind: "open"; tableId: string | null }
  | { kind: "addLine"; unitPrice: number; quantity: number; vatRate: OpData["addLine"]["vatRate"] }
  | { kind: "setQuantity"; lineRef: number; quantity: number }
  | { kind: "voidLine"; lineRef: number; reason: string }
  | { kind: "discount"; amount: number; percent: number | null }
  | { kind: "discountLine"; lineRef: number; amount: number; percent: number | null }
  | { kind: "moveTable"; tableId: string | null }
  | { kind: "addPayment"; method: OpData["addPayment"]["method"]; amount: number; part: number | null }
  | { kind: "close"; total: number }
  | { kind: "voidOrder"; reason: string }
  | {
      kind: "refund";
      refundRef: number;
      amount: number;
      method: OpData["refund"]["method"];
      lineRefs: number[] | null;
    }
  | { kind: "markReady"; lineRefs: number[] }
  | { kind: "splitLine"; lineRef: number; quantity: number };

const quantity = fc.integer({ min: 1, max: 50 });
/** A discount in đồng (null) or in percent, now and then all of it. */
const percent = fc.option(fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(100)), { nil: null });
const change: fc.Arbitrary<Draft> = fc.oneof(
  {
    weight: 18,
    arbitrary: fc.record({
      kind: fc.constant("addLine"),
      unitPrice: amount(2_000_000),
      quantity,
      vatRate: fc.constantFrom(...VAT_RATES),
    }),
  },
  { weight: 9, arbitrary: fc.record({ kind: fc.constant("setQuantity"), lineRef, quantity }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("voidLine"), lineRef, reason }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("discount"), amount: amount(5_000_000), percent }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("discountLine"), lineRef, amount: amount(3_000_000), percent }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("moveTable"), tableId: fc.constantFrom(...TABLES) }),
  },
  {
    weight: 9,
    arbitrary: fc.record({
      kind: fc.constant("addPayment"),
      method: fc.constantFrom(...PAYMENT_METHODS),
      amount: fc.integer({ min: 1, max: 10_000_000 }),
      // Now and then one equal part of a bill split in three ("Chia đều").
      part: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null, freq: 3 }),
    }),
  },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("close"), total: amount(10_000_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("voidOrder"), reason }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("refund"),
      // A few refund ids, so that the same refund now and then arrives from two devices.
      refundRef: fc.nat({ max: 5 }),
      amount: fc.integer({ min: 1, max: 3_000_000 }),
      method: fc.constantFrom(...PAYMENT_METHODS),
      lineRefs: fc.option(fc.array(lineRef, { minLength: 1, maxLength: 3 }), { nil: null }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("markReady"),
      lineRefs: fc.array(lineRef, { minLength: 1, maxLength: 4 }),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("splitLine"), lineRef, quantity }) },
);

interface Placed {
  draft: Draft;
  deviceId: string;
  ms: number;
}

export interface OrderOpsOptions {
  /** The devices that write to the order (default: a station and two phones). */
  devices?: readonly string[];
  maxChanges?: number;
}

/**
 * Realistic op logs for one order, in a random arrival order: usually an `open` within the first
 * hour (sometimes not arrived yet), then lines, quantity changes, voids, discounts, table moves,
 * payments (some of an equal part), checkouts, order voids, refunds, the kitchen's "ready" and
 * splits from several devices.
 */
export function orderOps(options: OrderOpsOptions = {}): fc.Arbitrary<Op[]> {
  const devices = options.devices ?? DEVICES;
  const deviceId = fc.constantFrom(...devices);
  const open = fc.record({
    draft: fc.record({ kind: fc.constant("open"), tableId: fc.constantFrom(...TABLES) }),
    deviceId,
    ms: fc.integer({ min: 0, max: 3_600_000 }),
  });
  const changes = fc.array(fc.record({ draft: change, deviceId, ms: instant }), {
    maxLength: options.maxChanges ?? 40,
    size: "medium",
  });
  return fc
    .tuple(fc.option(open, { freq: 10 }), changes)
    .map(([opened, rest]) => toOps(opened ? [opened, ...rest] : rest));
}

/** Gives each draft its ids and envelope; the returned ops keep the drafts' (arrival) order. */
function toOps(placed: readonly Placed[]): Op[] {
  const ids = { lines: 0, lineCount: placed.filter((p) => p.draft.kind === "addLine").length, payments: 0 };
  const builders = placed.map(({ draft }) => builderOf(draft, ids));

  // Envelopes in time order: each device counts its ops up as its clock goes, ids are UUIDv7.
  const clock = fixedClock(DAY_START_MS);
  let randomCounter = 0;
  const newId = uuidV7Generator(clock, (length) => Uint8Array.from({ length }, () => randomCounter++ & 0xff));
  const byTime = placed.map((p, index) => ({ ...p, index })).sort((a, b) => a.ms - b.ms);
  const seqs = new Map<string, number>();
  const ops: Op[] = [];
  for (const { deviceId, ms, index } of byTime) {
    const deviceSeq = (seqs.get(deviceId) ?? 0) + 1;
    seqs.set(deviceId, deviceSeq);
    clock.set(DAY_START_MS + ms);
    const build = builders[index] as (envelope: Envelope) => Op;
    ops[index] = build({ id: newId(), deviceId, deviceSeq, at: new Date(DAY_START_MS + ms).toISOString() });
  }
  return ops;
}

/** Turns a draft into its op once the envelope is known; line and payment ids are handed out here. */
function builderOf(
  draft: Draft,
  ids: { lines: number; lineCount: number; payments: number },
): (envelope: Envelope) => Op {
  const lineIdOf = (ref: number) => `line-${ref % (ids.lineCount + 1)}`; // one past the lines: missing
  switch (draft.kind) {
    case "open":
      return (e) =>
        makeOp("open", { number: "S1-20261128-0001", tableId: draft.tableId, storeId: "store-1" }, e);
    case "addLine": {
      const { unitPrice, quantity, vatRate } = draft;
      const line = {
        lineId: `line-${ids.lines++}`,
        itemId: `item-${unitPrice}`,
        name: "Cà phê sữa đá",
        note: null,
      };
      return (e) => makeOp("addLine", { ...line, unitPrice: dong(unitPrice), quantity, vatRate }, e);
    }
    case "setQuantity": {
      const lineId = lineIdOf(draft.lineRef);
      return (e) => makeOp("setQuantity", { lineId, quantity: draft.quantity }, e);
    }
    case "voidLine": {
      const lineId = lineIdOf(draft.lineRef);
      return (e) => makeOp("voidLine", { lineId, reason: draft.reason }, e);
    }
    case "discount": {
      const terms = draft.percent === null ? {} : { percent: draft.percent };
      return (e) => makeOp("discount", { amount: dong(draft.amount), ...terms, reason: null }, e);
    }
    case "discountLine": {
      const lineId = lineIdOf(draft.lineRef);
      const terms = draft.percent === null ? {} : { percent: draft.percent };
      return (e) =>
        makeOp("discountLine", { lineId, amount: dong(draft.amount), ...terms, reason: "regular" }, e);
    }
    case "moveTable":
      return (e) => makeOp("moveTable", { tableId: draft.tableId }, e);
    case "addPayment": {
      const payment = {
        paymentId: `payment-${ids.payments++}`,
        method: draft.method,
        amount: dong(draft.amount),
        ...(draft.part === null ? {} : { part: { index: draft.part, count: 3 } }),
      };
      return (e) => makeOp("addPayment", payment, e);
    }
    case "close":
      return (e) => makeOp("close", { total: dong(draft.total) }, e);
    case "voidOrder":
      return (e) => makeOp("voidOrder", { reason: draft.reason }, e);
    case "refund": {
      const lines = draft.lineRefs === null ? {} : { lineIds: [...new Set(draft.lineRefs.map(lineIdOf))] };
      const data = {
        refundId: `refund-${draft.refundRef}`,
        amount: dong(draft.amount),
        method: draft.method,
        reason: "khách trả món",
        ...lines,
      };
      return (e) => makeOp("refund", data, e);
    }
    case "markReady": {
      const lineIds = draft.lineRefs.map(lineIdOf);
      return (e) => makeOp("markReady", { lineIds }, e);
    }
    case "splitLine": {
      const lineId = lineIdOf(draft.lineRef);
      const data = {
        lineId,
        quantity: draft.quantity,
        intoOrderId: "order-2",
        intoLineId: `split-${lineId}`,
      };
      return (e) => makeOp("splitLine", data, e);
    }
  }
}
