import { randomUUID } from "node:crypto";
import { foldOrder, type Order } from "@quay/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestStation, type TestStation } from "../station.test-support.js";
import { fakeCloudForSuite } from "../station-at-fake-cloud.test-support.js";
import { ITEM_ID, ITEM2_ID, TABLE_ID } from "../sync/fake-server.test-support.js";

/** Refunds and the bill history at the counter (docs/api.md, "Bills and refunds"). */
describe("refunds and bills at the station", () => {
  const cloud = fakeCloudForSuite();
  let station: TestStation;
  let token = "";
  const call = (
    method: "GET" | "POST",
    url: string,
    payload?: object,
  ): Promise<{ status: number; body: Record<string, unknown> }> => station.call(token, method, url, payload);
  const codeOf = (answer: { status: number; body: Record<string, unknown> }) => [
    answer.status,
    (answer.body.error as { code: string } | undefined)?.code,
  ];
  /** A paid bill of 2 × 29 000 + 1 × 35 000 (93 000), optionally at the table "Bàn 1". */
  const paidBill = async (tableId: string | null = null, method = "cash") => {
    const order = (await call("POST", "/api/orders", tableId ? { tableId } : {})).body as unknown as Order;
    await call("POST", `/api/orders/${order.id}/lines`, { itemId: ITEM_ID, quantity: 2 });
    const full = (await call("POST", `/api/orders/${order.id}/lines`, { itemId: ITEM2_ID, quantity: 1 }))
      .body as unknown as Order;
    return (await call("POST", `/api/orders/${order.id}/payments`, { method, amount: full.total }))
      .body as unknown as Order;
  };

  beforeEach(async () => {
    station = await startTestStation(cloud().url, { startSync: false });
    token = await station.login();
  });
  afterEach(async () => {
    await station.close();
  });

  it("refunds a line with a manager's PIN: the bill stays paid on its own time, the refund is listed", async () => {
    const bill = await paidBill();
    const line = bill.lines.find((candidate) => candidate.itemId === ITEM_ID);
    const body = { amount: 58_000, method: "cash", reason: "khách trả món", lineIds: [line?.id] };
    expect(codeOf(await call("POST", `/api/orders/${bill.id}/refunds`, body))).toEqual([
      403,
      "MANAGER_PIN_REQUIRED",
    ]);
    const wrongPin = await call("POST", `/api/orders/${bill.id}/refunds`, { ...body, managerPin: "0000" });
    expect(codeOf(wrongPin)).toEqual([403, "MANAGER_PIN_INVALID"]);
    expect(station.db.orders.opsOf(bill.id).some((op) => op.kind === "refund")).toBe(false);

    const refunded = await call("POST", `/api/orders/${bill.id}/refunds`, { ...body, managerPin: "9999" });
    expect(refunded.status).toBe(201);
    const order = refunded.body as unknown as Order;
    expect(order).toMatchObject({ status: "paid", paidAt: bill.paidAt, total: 93_000, refunded: 58_000 });
    const admin = station.db.credentials.findByUsername("admin")?.userId;
    expect(order.refunds).toMatchObject([
      { amount: 58_000, method: "cash", reason: "khách trả món", lineIds: [line?.id], approvedBy: admin },
    ]);
    expect(foldOrder(bill.id, station.db.orders.opsOf(bill.id))).toEqual(station.db.orders.getOrder(bill.id));
    // What is left: 35 000, no more.
    const beyond = await call("POST", `/api/orders/${bill.id}/refunds`, {
      amount: 35_001,
      method: "cash",
      reason: "x",
      managerPin: "9999",
    });
    expect(codeOf(beyond)).toEqual([409, "REFUND_EXCEEDS_PAID"]);
  });

  it("refunds once however often a refund is retried, and refuses what the rules refuse", async () => {
    const bill = await paidBill();
    const refundId = randomUUID();
    const body = { amount: 10_000, method: "transfer", reason: "tính nhầm", managerPin: "9999", refundId };
    expect((await call("POST", `/api/orders/${bill.id}/refunds`, body)).status).toBe(201);
    const again = await call("POST", `/api/orders/${bill.id}/refunds`, body);
    expect([again.status, (again.body as unknown as Order).refunded]).toEqual([201, 10_000]);
    expect(station.db.orders.opsOf(bill.id).filter((op) => op.kind === "refund")).toHaveLength(1);

    const open = (await call("POST", "/api/orders", {})).body as unknown as Order;
    const unpaid = await call("POST", `/api/orders/${open.id}/refunds`, { ...body, refundId: undefined });
    expect(codeOf(unpaid)).toEqual([409, "ORDER_NOT_PAID"]);
    const [line] = bill.lines;
    const overLine = await call("POST", `/api/orders/${bill.id}/refunds`, {
      amount: (line?.amount ?? 0) + 1,
      method: "cash",
      reason: "x",
      lineIds: [line?.id],
      managerPin: "9999",
    });
    expect(codeOf(overLine)).toEqual([409, "REFUND_EXCEEDS_LINES"]);
    const strangeLine = {
      amount: 1_000,
      method: "cash",
      reason: "x",
      lineIds: [randomUUID()],
      managerPin: "9999",
    };
    expect(codeOf(await call("POST", `/api/orders/${bill.id}/refunds`, strangeLine))).toEqual([
      404,
      "NOT_FOUND",
    ]);
    for (const bad of [
      { amount: 0, method: "cash", reason: "x" },
      { amount: 1_000, method: "cash", reason: "  " },
      { amount: 1_000, method: "gold", reason: "x" },
      { amount: 1_000.5, method: "cash", reason: "x" },
      { amount: 1_000, method: "cash", reason: "x", lineIds: [] },
    ]) {
      expect(codeOf(await call("POST", `/api/orders/${bill.id}/refunds`, bad)), JSON.stringify(bad)).toEqual([
        400,
        "VALIDATION_FAILED",
      ]);
    }
    expect(codeOf(await call("POST", `/api/orders/${randomUUID()}/refunds`, body))).toEqual([
      404,
      "NOT_FOUND",
    ]);
    expect(station.db.orders.opsOf(bill.id).filter((op) => op.kind === "refund")).toHaveLength(1);
  });

  it("lists today's bills newest first, found by number, table, total and method, in pages", async () => {
    const atTable = await paidBill(TABLE_ID);
    const byCard = await paidBill(null, "card");
    const third = await paidBill();
    await call("POST", "/api/orders", {}); // open: no bill yet
    const bills = async (query = "") => {
      const answer = await call("GET", `/api/bills${query}`);
      expect(answer.status).toBe(200);
      return answer.body as { orders: Order[]; next: number | null };
    };
    const ids = (list: { orders: Order[] }) => list.orders.map((order) => order.id);
    expect(ids(await bills())).toEqual([third.id, byCard.id, atTable.id]);
    expect(ids(await bills("?q=b%C3%A0n%201"))).toEqual([atTable.id]);
    expect(ids(await bills(`?q=${byCard.number?.slice(-4)}`))).toEqual([byCard.id]);
    expect(ids(await bills("?q=93.000"))).toEqual([third.id, byCard.id, atTable.id]);
    expect(ids(await bills("?q=92000"))).toEqual([]);
    expect(ids(await bills("?method=card"))).toEqual([byCard.id]);
    const first = await bills("?limit=2");
    expect([ids(first), first.next]).toEqual([[third.id, byCard.id], 2]);
    const rest = await bills("?limit=2&offset=2");
    expect([ids(rest), rest.next]).toEqual([[atTable.id], null]);
    expect(ids(await bills("?from=2000-01-01&to=2000-01-02"))).toEqual([]);
    for (const bad of ["?from=hôm nay", "?limit=0", "?limit=201", "?method=gold", "?offset=-1"]) {
      expect(codeOf(await call("GET", `/api/bills${encodeURI(bad)}`)), bad).toEqual([
        400,
        "VALIDATION_FAILED",
      ]);
    }
  });
});
