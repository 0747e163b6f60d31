import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slicesByOrder } from "./work-slices.js";

const op = (orderId: string, seq: number) => ({ orderId, seq });

describe("the station's sync work in slices", () => {
  it("packs whole orders into slices of about the size asked for", () => {
    const ops = ["a", "b", "c", "d"].flatMap((orderId) => [1, 2, 3].map((seq) => op(orderId, seq)));
    const slices = slicesByOrder(ops, 7);
    expect(slices.map((slice) => slice.map((o) => o.orderId).join(""))).toEqual(["aaabbb", "cccddd"]);
  });

  it("keeps an order bigger than a slice whole, in a slice of its own", () => {
    const ops = [op("a", 1), ...Array.from({ length: 9 }, (_, seq) => op("b", seq)), op("c", 1)];
    expect(slicesByOrder(ops, 4).map((slice) => slice.length)).toEqual([1, 9, 1]);
  });

  it("never cuts an order across two slices, even when its ops are spread among others' (open orders by seq)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (orderIds, maxOps) => {
          const ops = orderIds.map((orderId, seq) => op(orderId, seq));
          const slices = slicesByOrder(ops, maxOps);
          // Every op once, each order's ops in their order, and each order in one slice only.
          expect(slices.flat().sort((x, y) => x.seq - y.seq)).toEqual(ops);
          const sliceOf = new Map<string, number>();
          slices.forEach((slice, index) => {
            for (const o of slice) expect(sliceOf.get(o.orderId) ?? index).toBe(index);
            for (const o of slice) sliceOf.set(o.orderId, index);
            const seqs = slice.map((o) => o.seq);
            for (const orderId of new Set(slice.map((o) => o.orderId))) {
              const own = slice.filter((o) => o.orderId === orderId).map((o) => o.seq);
              expect(own).toEqual([...own].sort((x, y) => x - y));
            }
            expect(seqs.length).toBeGreaterThan(0);
          });
        },
      ),
    );
  });
});
