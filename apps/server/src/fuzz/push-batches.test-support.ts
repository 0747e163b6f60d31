import { PROTOCOL_VERSION } from "@quay/protocol";
import type { FuzzBody } from "@quay/service-kit/fuzz";
import fc from "fast-check";
import { TEST_START } from "../test-support/test-server.test-support.js";
import type { ServerFuzzData } from "./fuzz-world.test-support.js";

type Op = {
  id: string;
  orderId: string;
  deviceId: string;
  deviceSeq: number;
  at: string;
  userId: string;
  kind: string;
  data: object;
};

const at = (offsetMs: number) => new Date(TEST_START + offsetMs).toISOString();

/**
 * Push bodies as the demo store's station would send them, and as a broken or hostile one would:
 * new orders (open, lines, payment, close), the batch it already pushed again (must change
 * nothing), ops forged into another store's orders or with another store's op ids, ops on orders
 * that are paid or void, and absurd pending counts.
 */
export function pushBodies(data: ServerFuzzData): fc.Arbitrary<FuzzBody> {
  const { station, orders, demoItems, ids, foreignIds, heldBatch } = data;
  const item = fc.constantFrom(...demoItems);
  const envelope = (orderId: string, seq: number, offset: number) => ({
    orderId,
    deviceId: station.id,
    deviceSeq: seq,
    at: at(offset),
    userId: station.userId,
  });
  /** A new order, as the station makes one: open, lines, and maybe the payment that closes it. */
  const newOrder = fc
    .record({
      orderId: fc.uuid({ version: 7 }),
      opIds: fc.array(fc.uuid({ version: 7 }), { minLength: 6, maxLength: 6 }),
      lineIds: fc.array(fc.uuid({ version: 7 }), { minLength: 3, maxLength: 3 }),
      items: fc.array(fc.record({ item, quantity: fc.integer({ min: 1, max: 5 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      tableId: fc.option(fc.constantFrom(...data.demoTableIds), { nil: null }),
      paid: fc.boolean(),
      seq: fc.integer({ min: 1, max: 1_000_000 }),
      offset: fc.integer({ min: -86_400_000, max: 60_000 }),
      number: fc.integer({ min: 1, max: 9_999 }),
    })
    .map((order) => {
      const ops: Op[] = [];
      const next = (kind: string, body: object) => {
        ops.push({
          id: order.opIds[ops.length] ?? "",
          ...envelope(order.orderId, order.seq + ops.length, order.offset),
          kind,
          data: body,
        });
      };
      next("open", {
        number: `CH01-Q1-20261128-${String(order.number).padStart(4, "0")}`,
        tableId: order.tableId,
        storeId: station.storeId,
      });
      let total = 0;
      for (const [index, { item: chosen, quantity }] of order.items.entries()) {
        total += chosen.price * quantity;
        next("addLine", {
          lineId: order.lineIds[index] ?? "",
          itemId: chosen.id,
          name: chosen.name,
          unitPrice: chosen.price,
          vatRate: chosen.vatRate,
          quantity,
          note: null,
        });
      }
      if (order.paid) {
        next("addPayment", { paymentId: order.opIds[5] ?? "", method: "cash", amount: total });
        next("close", { total });
      }
      return ops;
    });
  /** A change on an order the server holds already: paid, void, open, another store's. */
  const onKnownOrder = fc
    .record({
      orderId: fc.constantFrom(orders.open, orders.paid, orders.void, orders.empty, orders.otherStore),
      id: fc.uuid({ version: 7 }),
      lineId: fc.oneof(
        fc.uuid({ version: 7 }),
        fc.constantFrom(...(ids.line ?? []), ...(foreignIds.line ?? [])),
      ),
      item,
      seq: fc.integer({ min: 1, max: 1_000_000 }),
      offset: fc.integer({ min: -60_000, max: 3_600_000 }),
      kind: fc.constantFrom(
        "addLine",
        "setQuantity",
        "voidLine",
        "discount",
        "addPayment",
        "close",
        "voidOrder",
        "moveTable",
      ),
    })
    .map(({ orderId, id, lineId, item: chosen, seq, offset, kind }): Op => {
      const body: Record<string, object> = {
        addLine: {
          lineId,
          itemId: chosen.id,
          name: chosen.name,
          unitPrice: chosen.price,
          vatRate: chosen.vatRate,
          quantity: 1,
          note: null,
        },
        setQuantity: { lineId, quantity: 7 },
        voidLine: { lineId, reason: "nhầm" },
        discount: { amount: 1_000, reason: "khách quen" },
        addPayment: { paymentId: id, method: "card", amount: 10_000 },
        close: { total: 0 },
        voidOrder: { reason: "khách về" },
        moveTable: { tableId: null },
      };
      return { id, ...envelope(orderId, seq, offset), kind, data: body[kind] ?? {} };
    });
  /** Forgeries: another store's order opened here, another store's op id, another device's name. */
  const forged = fc
    .record({
      ops: newOrder,
      how: fc.constantFrom("otherStore", "heldOpId", "otherDevice", "duplicate", "farFuture", "epoch"),
      storeId: fc.constantFrom(...(foreignIds.store ?? [])),
      opId: fc.constantFrom(...(ids.op ?? [])),
    })
    .map(({ ops, how, storeId, opId }): Op[] => {
      const [open, ...rest] = ops;
      if (!open) return ops;
      switch (how) {
        case "otherStore":
          return [{ ...open, data: { ...open.data, storeId } }, ...rest];
        case "heldOpId":
          return [{ ...open, id: opId }, ...rest];
        case "otherDevice":
          return ops.map((op) => ({ ...op, deviceId: "web-someone-else" }));
        case "duplicate":
          return [...ops, ...ops];
        case "farFuture":
          return ops.map((op) => ({ ...op, at: "9999-12-31T23:59:59.999Z" }));
        default:
          return ops.map((op) => ({ ...op, at: "1970-01-01T00:00:00.000Z" }));
      }
    });
  const pending = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: fc.record({ openOrders: fc.nat({ max: 50 }), paidOrders: fc.nat({ max: 500 }) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        openOrders: fc.constantFrom(1e9, 2 ** 31, 2 ** 53 - 1),
        paidOrders: fc.constantFrom(0, 1e9),
      }),
    },
  );
  const body = (ops: readonly object[], label: string, changesNothing = false) =>
    pending.map(
      (counts): FuzzBody => ({
        value: {
          protocolVersion: PROTOCOL_VERSION,
          ops,
          ...(counts === undefined ? {} : { pending: counts }),
        },
        label,
        changesNothing,
      }),
    );
  return fc.oneof(
    { weight: 4, arbitrary: newOrder.chain((ops) => body(ops, "a new order")) },
    {
      weight: 3,
      arbitrary: fc
        .array(onKnownOrder, { minLength: 1, maxLength: 3 })
        .chain((ops) => body(ops, "changes to orders held")),
    },
    { weight: 3, arbitrary: forged.chain((ops) => body(ops, "a forged batch")) },
    {
      weight: 2,
      arbitrary: fc
        .subarray(heldBatch, { minLength: 1 })
        .chain((ops) => body(ops, "a replay of a held batch", true)),
    },
    { weight: 1, arbitrary: body([], "an empty batch") },
  );
}
