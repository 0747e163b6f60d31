import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unbackedMergeVoid } from "./merge-void-check.js";
import { dong } from "./money.js";
import type { Order } from "./order.js";
import { type Actor, type OpDraft, stampOps } from "./order-change.js";
import { foldOrder } from "./order-fold.js";
import { planMerge } from "./order-merge.js";
import type { Op } from "./order-op.js";
import { atMs, DAY_START_MS, makeOp } from "./order-op-builder.test-support.js";
import { planSplit } from "./order-split.js";
import { unbackedSplit } from "./split-check.js";

/**
 * The counter splits (and merges back) while a phone changes the same bill: whatever the phone
 * did that the counter had not seen, in whatever order the ops then arrive, no line and no unit
 * is lost, and every receiver's checks pass.
 */
const runs = { numRuns: 300 };
const cashier: Actor = { userId: "u-cashier", role: "cashier" };
const SRC = "order-src";
const NEW = "order-new";
const SPLIT_AT = 10_000;
const MERGE_AT = 15_000;

const lineDataOf = (lineId: string, quantity: number) => ({
  lineId,
  itemId: `item-${lineId}`,
  name: `Món ${lineId}`,
  unitPrice: dong(25_000),
  vatRate: 8 as const,
  quantity,
  note: null,
});

/** A phone's change to the bill: a new line, or a raise of one of the counter's lines. */
const phoneChange = fc.record({
  ms: fc.integer({ min: 0, max: 20_000 }),
  kind: fc.constantFrom("addLine", "raise"),
  lineRef: fc.nat({ max: 4 }),
  quantity: fc.integer({ min: 1, max: 9 }),
  seenByCounter: fc.boolean(),
});

const scenario = fc.record({
  quantities: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }),
  phone: fc.array(phoneChange, { maxLength: 6 }),
  picks: fc.array(fc.nat({ max: 6 }), { minLength: 10, maxLength: 10 }),
  seed: fc.nat(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** The counter's and the phone's ops on the bill before the split, and what the counter saw of them. */
function before(s: Scenario) {
  const counter: Op[] = [
    makeOp(
      "open",
      { number: "S1-0001", tableId: "table-1", storeId: "store-1" },
      envelope("station-1", 1, 0),
    ),
    ...s.quantities.map((quantity, i) =>
      makeOp("addLine", lineDataOf(`c${i}`, quantity), envelope("station-1", i + 2, (i + 1) * 100)),
    ),
  ].map((op) => ({ ...op, orderId: SRC }));
  const sorted = [...s.phone].sort((a, b) => a.ms - b.ms);
  const phone = sorted.map((change, i) => {
    const e = envelope("phone-a", i + 1, change.ms);
    const op =
      change.kind === "addLine"
        ? makeOp("addLine", lineDataOf(`p${i}`, change.quantity), e)
        : makeOp(
            "setQuantity",
            { lineId: `c${change.lineRef % s.quantities.length}`, quantity: change.quantity + 6 },
            e,
          );
    return { ...op, orderId: SRC, userId: "u-waiter" } as Op;
  });
  const seen = phone.filter(
    (op, i) => Date.parse(op.at) - DAY_START_MS < SPLIT_AT && sorted[i]?.seenByCounter,
  );
  return { counter, phone, seen };
}

function envelope(deviceId: string, deviceSeq: number, ms: number) {
  return { id: `${deviceId}-${deviceSeq}-${ms}`, deviceId, deviceSeq, at: atMs(ms) };
}

let counterIds = 0;
const newId = () => `id-${String(++counterIds).padStart(8, "0")}`;

function stamp(
  orderId: string,
  held: readonly Op[],
  drafts: readonly OpDraft[],
  firstSeq: number,
  ms: number,
) {
  const stamped = stampOps(orderId, held, drafts, {
    deviceId: "station-1",
    userId: cashier.userId,
    firstSeq,
    nowMs: DAY_START_MS + ms,
    newId,
  });
  if (!stamped.ok) throw new Error(stamped.code);
  return stamped.ops;
}

/** The counter splits what the picks choose of the bill as it sees it; null when the plan refuses. */
function counterSplit(s: Scenario, known: readonly Op[]) {
  const view = foldOrder(SRC, known);
  const choices = view.lines
    .map((line, i) => ({ lineId: line.id, quantity: Math.min(line.quantity, s.picks[i] ?? 0) }))
    .filter((choice) => choice.quantity > 0);
  const target = { orderId: NEW, number: "S1-0002", tableId: null, storeId: "store-1" };
  const plan = planSplit(view, target, choices, cashier, newId);
  if (!plan.ok) return null;
  const into = stamp(NEW, [], plan.into, 100, SPLIT_AT);
  const from = stamp(SRC, known, plan.from, 100 + into.length, SPLIT_AT);
  return [...into, ...from];
}

/** The scenario's ops and the counter's split of what it saw; fast-check skips a scenario whose split is refused. */
function splitScenario(s: Scenario) {
  const ops = before(s);
  const splitOps = counterSplit(s, [...ops.counter, ...ops.seen]);
  fc.pre(splitOps !== null);
  return { ...ops, splitOps: splitOps ?? [] };
}

/** Every unit of each line of the bill, wherever the split put it: the bill's and its copies'. */
function unitsByLine(src: Order, moved: Order | null, splitOps: readonly Op[]) {
  const units = new Map<string, number>();
  for (const line of src.lines) units.set(line.id, line.quantity);
  for (const op of splitOps) {
    if (op.kind !== "splitLine") continue;
    const copy = moved?.lines.find((line) => line.id === op.data.intoLineId);
    units.set(op.data.lineId, (units.get(op.data.lineId) ?? 0) + (copy?.quantity ?? 0));
  }
  return units;
}

const shuffledWith = (ops: readonly Op[], seed: number) =>
  [...ops]
    .map((op, i) => ({ op, key: (i * 2_654_435_761 + seed) % 4_294_967_296 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.op);

describe("split and merge with a phone's concurrent changes", () => {
  it("a split loses no line and no unit, in any arrival order, and is backed", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { counter, phone, seen, splitOps } = splitScenario(s);
        const all = [...counter, ...phone, ...splitOps];
        const arrived = shuffledWith(all, s.seed);
        const [src, moved] = [foldOrder(SRC, arrived), foldOrder(NEW, arrived)];
        expect(src).toStrictEqual(foldOrder(SRC, all));
        expect(moved).toStrictEqual(foldOrder(NEW, all));
        expect(unbackedSplit(arrived)).toBeNull();

        // Without the split: every line it had is still somewhere, with at least its units.
        const unsplit = foldOrder(SRC, [...counter, ...phone]);
        const units = unitsByLine(src, moved, splitOps);
        for (const line of unsplit.lines)
          expect(units.get(line.id) ?? 0).toBeGreaterThanOrEqual(line.quantity);
        // A line no phone changed after the counter looked keeps exactly its units.
        for (const line of unsplit.lines) {
          const raisedAfter = phone.some(
            (op) => op.kind === "setQuantity" && op.data.lineId === line.id && !seen.includes(op),
          );
          if (!raisedAfter) expect(units.get(line.id)).toBe(line.quantity);
        }
        // Every line the phone added the counter had not seen stays on the bill.
        for (const op of phone)
          if (op.kind === "addLine" && !seen.includes(op))
            expect(src.lines.map((l) => l.id)).toContain(op.data.lineId);
      }),
      runs,
    );
  });

  it("merging the split part back brings every unit home, whatever the phone added meanwhile", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { counter, phone, seen, splitOps } = splitScenario(s);
        const atMerge = [...counter, ...seen, ...splitOps];
        const plan = planMerge(foldOrder(NEW, atMerge), foldOrder(SRC, atMerge), cashier, newId);
        if (!plan.ok) throw new Error(plan.code);
        const into = stamp(SRC, atMerge, plan.into, 200, MERGE_AT);
        const from = stamp(NEW, atMerge, plan.from, 200 + into.length, MERGE_AT);
        const all = shuffledWith([...counter, ...phone, ...splitOps, ...into, ...from], s.seed);
        expect(unbackedSplit(all)).toBeNull();
        expect(unbackedMergeVoid(all, () => false)).toBeNull();
        const [src, moved] = [foldOrder(SRC, all), foldOrder(NEW, all)];
        expect(moved.status).toBe("void");
        // Every item the bill had without the split is back on it, with at least its units.
        const unsplit = foldOrder(SRC, [...counter, ...phone]);
        const byItem = (order: Order) => {
          const units = new Map<string, number>();
          for (const line of order.lines)
            units.set(line.itemId, (units.get(line.itemId) ?? 0) + line.quantity);
          return units;
        };
        const home = byItem(src);
        for (const [itemId, units] of byItem(unsplit))
          expect(home.get(itemId) ?? 0).toBeGreaterThanOrEqual(units);
      }),
      runs,
    );
  });
});
