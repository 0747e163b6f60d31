import { foldOrder, type Op } from "@quay/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IsoTime } from "./common.js";
import { atOffset, utcOffset } from "./iso-time-arbitraries.test-support.js";
import { parseOp } from "./op.js";

const DAY = Date.parse("2026-11-28T00:00:00.000Z");
const HOUR = 3_600_000;
const uuid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, "0")}`;
const ORDER = uuid(1);
const STORE = uuid(2);
const LINE = uuid(3);
const DEVICES = [uuid(10), uuid(11), uuid(12)];
const TABLES = [uuid(20), uuid(21), null];

/** The changes whose last writer wins: the table, the discount, a line's quantity. */
const change = fc.oneof(
  fc.record({ kind: fc.constant("moveTable"), data: fc.record({ tableId: fc.constantFrom(...TABLES) }) }),
  fc.record({
    kind: fc.constant("discount"),
    data: fc.record({ amount: fc.integer({ min: 0, max: 20_000 }), reason: fc.constant(null) }),
  }),
  fc.record({
    kind: fc.constant("setQuantity"),
    data: fc.record({ lineId: fc.constant(LINE), quantity: fc.integer({ min: 1, max: 9 }) }),
  }),
);

/** One order's ops from three devices within a few hours, each written at its own UTC offset. */
const log = fc.array(
  fc.record({
    change,
    device: fc.nat({ max: DEVICES.length - 1 }),
    ms: fc.integer({ min: 2, max: 6 * HOUR }),
    offset: utcOffset,
  }),
  { minLength: 1, maxLength: 12 },
);

interface Entry {
  change: { kind: string; data: unknown };
  device: number;
  ms: number;
  offset: number;
}

/** The order's ops, every time written with `writeTime` (in Z, or at each op's offset). */
function opsOf(entries: readonly Entry[], writeTime: (ms: number, offset: number) => string) {
  const seqs = DEVICES.map(() => 0);
  const op = (index: number, device: number, ms: number, offset: number, kind: string, data: unknown) => {
    seqs[device] = (seqs[device] ?? 0) + 1;
    return {
      id: uuid(100 + index),
      orderId: ORDER,
      deviceId: DEVICES[device],
      deviceSeq: seqs[device],
      at: writeTime(DAY + ms, offset),
      userId: "thungan",
      kind,
      data,
    };
  };
  return [
    op(0, 0, 0, 420, "open", { number: "CH01-Q1-20261128-0001", tableId: null, storeId: STORE }),
    op(1, 0, 1, 420, "addLine", {
      lineId: LINE,
      itemId: uuid(4),
      name: "Cà phê sữa đá",
      unitPrice: 29_000,
      vatRate: 8,
      quantity: 1,
      note: null,
    }),
    ...entries.map((entry, index) =>
      op(index + 2, entry.device, entry.ms, entry.offset, entry.change.kind, entry.change.data),
    ),
  ];
}

const inZ = (ms: number) => new Date(ms).toISOString();
/** As a device at that offset may write it: `Z` in UTC, else `±hh:mm`. */
const asWritten = (ms: number, offset: number) => (offset === 0 ? inZ(ms) : atOffset(ms, offset));

describe("times on the wire", () => {
  it("are parsed to UTC `Z`, the one spelling op order can compare as text", () => {
    const instant = fc.integer({
      min: Date.parse("0001-01-01T00:00:00Z"),
      max: Date.parse("9998-12-31T00:00:00Z"),
    });
    fc.assert(
      fc.property(instant, utcOffset, (ms, offset) => {
        expect(IsoTime.parse(asWritten(ms, offset))).toBe(inZ(ms));
      }),
    );
    // An offset that moves the instant out of the years 0000–9999 has no UTC spelling.
    expect(IsoTime.safeParse("0000-01-01T00:00:00.000+07:00").success).toBe(false);
  });

  it("let the later op win, whatever offset the earlier was written at", () => {
    const [first, later] = TABLES;
    const moves = [
      { change: { kind: "moveTable", data: { tableId: first } }, device: 1, ms: 1 * HOUR, offset: 7 * 60 },
      { change: { kind: "moveTable", data: { tableId: later } }, device: 2, ms: 2 * HOUR, offset: 0 },
    ];
    const ops = opsOf(moves, asWritten);
    // 08:00+07:00 is 01:00Z: before 02:00Z, though after it as text.
    expect(ops.slice(-2).map((op) => op.at)).toEqual([
      "2026-11-28T08:00:00.000+07:00",
      "2026-11-28T02:00:00.000Z",
    ]);
    expect(foldOrder(ORDER, ops.map(parseOp)).tableId).toBe(later);
  });

  it("fold an order the same, written at any offsets, as the same instants written in Z", () => {
    fc.assert(
      fc.property(log, (entries) => {
        const atOffsets: Op[] = opsOf(entries, asWritten).map(parseOp);
        const inUtc: Op[] = opsOf(entries, inZ).map(parseOp);
        expect(atOffsets.map((op) => op.at)).toEqual(inUtc.map((op) => op.at));
        expect(foldOrder(ORDER, atOffsets)).toEqual(foldOrder(ORDER, inUtc));
      }),
      { numRuns: 2_000 },
    );
  });
});
