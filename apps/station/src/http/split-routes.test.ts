import type { Order } from "@quay/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../station.test-support.js";
import { type StationAtFakeCloud, startStationAtFakeCloud } from "../station-at-fake-cloud.test-support.js";
import { ITEM_ID, ITEM2_ID, TABLE_ID } from "../sync/fake-server.test-support.js";

type Answer = { status: number; body: Record<string, unknown> };

/** "Tách hóa đơn" and "Chia đều" at the counter (docs/api.md, "Split and merge"). */
describe("split and equal parts at the station", () => {
  let station: StationAtFakeCloud;
  let cashier = "";
  let waiter = "";
  const call = (token: string, method: "GET" | "POST", url: string, payload?: object): Promise<Answer> =>
    station.call(token, method, url, payload);
  const codeOf = (answer: Answer) => [
    answer.status,
    (answer.body.error as { code: string } | undefined)?.code,
  ];
  /** An open bill at "Bàn 1": 5 × 29 000 cà phê and 1 × 35 000 (180 000). */
  const bill = async () => {
    const order = (await call(cashier, "POST", "/api/orders", { tableId: TABLE_ID }))
      .body as unknown as Order;
    await call(cashier, "POST", `/api/orders/${order.id}/lines`, { itemId: ITEM_ID, quantity: 5 });
    return (await call(cashier, "POST", `/api/orders/${order.id}/lines`, { itemId: ITEM2_ID, quantity: 1 }))
      .body as unknown as Order;
  };
  const lineOf = (order: Order, itemId: string) => order.lines.find((line) => line.itemId === itemId);

  beforeAll(async () => {
    station = await startStationAtFakeCloud();
    cashier = await station.login();
    waiter = await station.login("phucvu", "5678");
  });
  afterAll(() => station.close());

  it("splits 3 of 5 cà phê onto a new bill with no table, paid on its own, never for a waiter", async () => {
    const source = await bill();
    const coffee = lineOf(source, ITEM_ID);
    const body = { lines: [{ lineId: coffee?.id, quantity: 3 }], tableId: null };
    expect(codeOf(await call(waiter, "POST", `/api/orders/${source.id}/split`, body))).toEqual([
      403,
      "FORBIDDEN",
    ]);
    const split = await call(cashier, "POST", `/api/orders/${source.id}/split`, body);
    expect(split.status).toBe(201);
    const { source: after, split: part } = split.body as unknown as { source: Order; split: Order };
    expect(after.lines.map((line) => [line.itemId, line.quantity])).toEqual([
      [ITEM_ID, 2],
      [ITEM2_ID, 1],
    ]);
    expect(after.voidedLines).toEqual([]);
    expect([after.total, after.tableId]).toEqual([58_000 + 35_000, TABLE_ID]);
    expect(part).toMatchObject({ status: "open", tableId: null, total: 87_000 });
    expect(part.number).not.toBe(after.number);
    const paid = await call(cashier, "POST", `/api/orders/${part.id}/payments`, {
      method: "cash",
      amount: 100_000,
    });
    expect(paid.body).toMatchObject({ status: "paid", changeDue: 13_000 });
    expect((await call(cashier, "GET", `/api/orders/${source.id}`)).body).toMatchObject({ status: "open" });
  });

  it("refuses a split of every unit, more units than a line has, or a line not on the bill", async () => {
    const source = await bill();
    const [coffee, cake] = [lineOf(source, ITEM_ID)?.id, lineOf(source, ITEM2_ID)?.id];
    const split = (lines: object[]) => call(cashier, "POST", `/api/orders/${source.id}/split`, { lines });
    expect(
      codeOf(
        await split([
          { lineId: coffee, quantity: 5 },
          { lineId: cake, quantity: 1 },
        ]),
      ),
    ).toEqual([409, "SPLIT_REFUSED"]);
    expect(codeOf(await split([{ lineId: coffee, quantity: 6 }]))).toEqual([400, "INVALID_QUANTITY"]);
    expect(codeOf(await split([{ lineId: source.id, quantity: 1 }]))[1]).toBe("NOT_FOUND");
    expect(station.db.orders.opsOf(source.id).some((op) => op.kind === "splitLine")).toBe(false);
  });

  it("pays a bill in three equal parts, each once, the last taking the remainder and closing it", async () => {
    const source = await bill(); // 180 000 → 60 000 each
    await call(cashier, "POST", `/api/orders/${source.id}/lines`, { itemId: ITEM_ID, quantity: 1 }); // 209 000
    const pay = (index: number, count = 3) =>
      call(cashier, "POST", `/api/orders/${source.id}/parts/${index}/payment`, { method: "cash", count });
    expect((await pay(2)).body).toMatchObject({ status: "open", paid: 69_000 });
    expect(codeOf(await pay(2))).toEqual([409, "PART_PAID"]);
    expect(codeOf(await pay(1, 4))).toEqual([422, "PART_INVALID"]);
    expect(codeOf(await pay(11))).toEqual([400, "VALIDATION_FAILED"]);
    expect((await pay(1)).body).toMatchObject({ status: "open", paid: 138_000 });
    const last = (await pay(3)).body as unknown as Order;
    expect(last).toMatchObject({ status: "paid", paid: 209_000, changeDue: 0 });
    expect(last.payments.map((payment) => [payment.part?.index, payment.amount])).toEqual([
      [2, 69_000],
      [1, 69_000],
      [3, 71_000],
    ]);
  });

  it("splits offline and syncs each op once, the new bill's line reaching the cloud before the split", async () => {
    station.cloud.setAvailable(false);
    await waitFor(() => !station.monitor.reachable, 5_000, "the cloud seen lost");
    const source = await bill();
    const coffee = lineOf(source, ITEM_ID);
    const split = await call(cashier, "POST", `/api/orders/${source.id}/split`, {
      lines: [{ lineId: coffee?.id, quantity: 2 }],
    });
    const part = (split.body as unknown as { split: Order }).split;
    expect(part.tableId).toBe(TABLE_ID); // the bill's own table unless told
    // The part is paid (closed) while the bill it left stays open: pushed in different passes.
    await call(cashier, "POST", `/api/orders/${part.id}/payments`, { method: "card", amount: part.total });
    station.cloud.setAvailable(true);
    await waitFor(
      async () => {
        await call(cashier, "POST", "/api/sync");
        return station.cloud.orderOps(source.id).some((op) => op.kind === "splitLine");
      },
      10_000,
      "the split at the cloud",
    );
    const splitOp = station.cloud.orderOps(source.id).find((op) => op.kind === "splitLine");
    if (splitOp?.kind !== "splitLine") throw new Error("no split");
    const added = station.cloud.ops.get(
      station.cloud.orderOps(part.id).find((op) => op.kind === "addLine")?.id ?? "",
    );
    expect(added?.seq).toBeLessThan(station.cloud.ops.get(splitOp.id)?.seq ?? 0);
    expect(splitOp.data).toMatchObject({ quantity: 2, intoOrderId: part.id });
    const all = [...station.cloud.orderOps(source.id), ...station.cloud.orderOps(part.id)].map((op) => op.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(
      station.db.orders.opsOf(source.id).length + station.db.orders.opsOf(part.id).length,
    );
  });
});
