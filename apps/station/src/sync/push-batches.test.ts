import { MAX_PENDING_ORDERS, PROTOCOL_VERSION, PushRequestSchema } from "@quay/protocol";
import { describe, expect, it } from "vitest";
import type { OutgoingOp } from "../db/order-log.js";
import { chunkByOrder, countOrders, pushBody, pushBodyInSlices } from "./push-batches.js";

const ops = (orderId: string, count: number, from = 0): OutgoingOp[] =>
  Array.from({ length: count }, (_, index) => ({
    orderId,
    seq: from + index,
    id: `${orderId}-${index}`,
    body: JSON.stringify({ id: `${orderId}-${index}` }),
  }));

describe("push batches", () => {
  it("keeps each order's ops in one push when they fit", () => {
    const chunks = chunkByOrder([...ops("a", 3), ...ops("b", 3), ...ops("c", 3)], 7);
    expect(chunks.map((chunk) => chunk.map((op) => op.orderId).join(""))).toEqual(["aaabbb", "ccc"]);
  });

  it("splits an order bigger than a push", () => {
    const chunks = chunkByOrder([...ops("a", 2), ...ops("b", 9)], 4);
    expect(chunks.map((chunk) => chunk.length)).toEqual([2, 4, 4, 1]);
    expect(chunks.flat()).toHaveLength(11);
  });

  it("splices stored op JSON into the request body", () => {
    const body = JSON.parse(pushBody(ops("a", 2), { openOrders: 1, paidOrders: 0 }, []));
    expect(body).toEqual({
      protocolVersion: PROTOCOL_VERSION,
      pending: { openOrders: 1, paidOrders: 0, refused: [] },
      ops: [{ id: "a-0" }, { id: "a-1" }],
    });
    expect(countOrders([...ops("a", 2), ...ops("b", 1)])).toBe(2);
  });

  it("reports at most the pending counts the server takes, so a push is never refused for them", () => {
    const body = JSON.parse(pushBody([], { openOrders: MAX_PENDING_ORDERS + 5, paidOrders: 2 }, []));
    expect(body.pending).toEqual({ openOrders: MAX_PENDING_ORDERS, paidOrders: 2, refused: [] });
    expect(PushRequestSchema.safeParse(body).success).toBe(true);
  });

  it("writes the same body a slice at a time, handing the event loop back between slices", async () => {
    const pending = { openOrders: 2, paidOrders: 7 };
    const refused = [
      { orderId: "r", number: "CH01-Q1-1", code: "LINE_NOT_FOUND", at: "2026-11-28T02:00:00.000Z" },
    ];
    for (const count of [0, 1, 5, 6, 13]) {
      const all = [...ops("a", count), ...ops("b", 2)].slice(0, count);
      let turns = 0;
      const body = await pushBodyInSlices(all, pending, refused, 3, async () => {
        turns += 1;
      });
      expect(body.toString()).toBe(pushBody(all, pending, refused));
      expect(turns).toBe(Math.max(0, Math.ceil(count / 3) - 1));
    }
  });
});
