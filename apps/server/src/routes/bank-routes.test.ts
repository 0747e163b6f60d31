import type { Op } from "@quay/core";
import { PROTOCOL_VERSION } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TEST_START, TestServer } from "../test-support/test-server.test-support.js";
import { sepayNotification } from "./sepay-notification.test-support.js";

interface NotificationBody {
  outcome: string;
  orderId: string | null;
  orderNumber: string | null;
  amount: number;
  bankRef: string | null;
  providerId: string;
}
interface ListBody {
  keySet: boolean;
  keyCreatedAt: string | null;
  notifications: NotificationBody[];
}
interface TransferBody {
  orderId: string;
  orderNumber: string;
  amount: number;
  bankRef: string | null;
}

describe.each(testEngines())("bank notifications on $name", (engine) => {
  let server: TestServer;
  let manager: string;
  let key: string;
  let deviceToken: string;
  let factory: OpFactory;
  const at = new Date(TEST_START).toISOString();

  beforeEach(async () => {
    server = await TestServer.start(engine);
    const { a1 } = server.world.stores;
    manager = await server.login("managerA");
    const made = await server.call<OrError<{ key: string; webhookPath: string }>>(
      "POST",
      `/api/stores/${a1.id}/bank-key`,
      { token: manager },
    );
    expect(made.status).toBe(201);
    key = "key" in made.body ? made.body.key : "";
    const station = await server.registerStation("cashierA", a1);
    deviceToken = station.deviceToken;
    factory = new OpFactory(a1, station.stationId);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  /** An open order of a1 numbered as the counter Q1 numbers it, pushed as that station. */
  const pushOrder = async (sequence: number) => {
    const invoice = factory.invoice({ at, lines: 2 });
    const number = `${server.world.stores.a1.code}-Q1-20261128-${String(sequence).padStart(4, "0")}`;
    const ops = invoice.ops.map(
      (op): Op => (op.kind === "open" ? { ...op, data: { ...op.data, number } } : op),
    );
    const pushed = await server.push(deviceToken, ops);
    expect(pushed.status).toBe(200);
    return { orderId: invoice.orderId, number, total: invoice.total };
  };

  let nextId = 92_700;
  const sepay = (amount: number, content: string, extra: Record<string, unknown> = {}) => {
    nextId += 1;
    return sepayNotification(nextId, amount, content, extra);
  };
  const post = (body: unknown, authorization = `Apikey ${key}`) =>
    server.call<OrError<{ success: boolean }>>("POST", "/api/bank/sepay", {
      body,
      headers: { authorization },
    });
  const list = async () => {
    const answer = await server.call<ListBody>(
      "GET",
      `/api/bank/notifications?storeId=${server.world.stores.a1.id}`,
      { token: manager },
    );
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const pullTransfers = async (cursor: number) => {
    const page = await server.pull(deviceToken, cursor, undefined, PROTOCOL_VERSION);
    expect(page.status).toBe(200);
    const body = page.body as unknown as { cursor: number; bankTransfers: TransferBody[] };
    return body;
  };

  it("matches a transfer naming an open order for what it owes, once, and the station pulls it", async () => {
    const order = await pushOrder(7);
    const before = await pullTransfers(0);
    expect(before.bankTransfers).toEqual([]);

    // The bank dropped the hyphens and wrapped the number in its own words.
    const notification = sepay(
      order.total,
      `CT DEN:0123 ${order.number.replaceAll("-", "")} NGUYEN VAN A chuyen tien`,
    );
    const answer = await post(notification);
    expect(answer).toMatchObject({ status: 200, body: { success: true } });

    const listed = await list();
    expect(listed.keySet).toBe(true);
    expect(listed.notifications).toEqual([
      expect.objectContaining({
        outcome: "matched",
        orderId: order.orderId,
        orderNumber: order.number,
        amount: order.total,
        bankRef: notification.referenceCode,
        providerId: String(notification.id),
      }),
    ]);
    const after = await pullTransfers(before.cursor);
    expect(after.cursor).toBeGreaterThan(before.cursor);
    expect(after.bankTransfers).toEqual([
      expect.objectContaining({
        orderId: order.orderId,
        orderNumber: order.number,
        amount: order.total,
        bankRef: notification.referenceCode,
      }),
    ]);

    // SePay retries what it did not hear back from: the same id answers 200 and changes nothing.
    const replay = await post(notification);
    expect(replay).toMatchObject({ status: 200, body: { success: true } });
    expect(await server.count("bank_notifications")).toBe(1);
    const again = await pullTransfers(after.cursor);
    expect(again.cursor).toBe(after.cursor);
    expect(again.bankTransfers).toEqual([]);
    // An older station's pull reads the same page without the field it cannot parse needing it.
    expect((await pullTransfers(0)).bankTransfers).toHaveLength(1);
  });

  it("refuses a wrong, missing or replaced key with 401 and stores nothing", async () => {
    const order = await pushOrder(1);
    const body = sepay(order.total, order.number);
    for (const authorization of ["Apikey qbk_wrong", `Bearer ${manager}`, "", `Apikey ${key}x`]) {
      const answer = await post(body, authorization);
      expect(answer.status, authorization).toBe(401);
      expect(answer.body).toMatchObject({ error: { code: "BANK_KEY_INVALID" } });
    }
    const rotated = await server.call<{ key: string }>(
      "POST",
      `/api/stores/${server.world.stores.a1.id}/bank-key`,
      { token: manager },
    );
    expect(rotated.status).toBe(201);
    expect((await post(body)).status).toBe(401);
    expect(await server.count("bank_notifications")).toBe(0);
    expect((await post(body, `Apikey ${rotated.body.key}`)).status).toBe(200);
    expect(await server.count("bank_notifications")).toBe(1);
  });

  it("keeps a wrong amount, an unknown order, a paid order and money out for a manager, applying none", async () => {
    const order = await pushOrder(2);
    const start = await pullTransfers(0);
    expect((await post(sepay(order.total - 1_000, `TT ${order.number}`))).status).toBe(200);
    expect((await post(sepay(order.total, "chuyen tien cafe sang nay"))).status).toBe(200);
    expect((await post(sepay(order.total, `${server.world.stores.a1.code}-Q1-20261128-0999`))).status).toBe(
      200,
    );
    expect((await post(sepay(order.total, order.number, { transferType: "out" }))).status).toBe(200);
    // Paid by hand at the counter (offline, say); the bank's word comes later.
    const paid = await server.push(deviceToken, factory.checkout(order.orderId, at, order.total, "transfer"));
    expect(paid.status).toBe(200);
    expect((await post(sepay(order.total, order.number))).status).toBe(200);

    const outcomes = (await list()).notifications.map((notification) => notification.outcome).reverse();
    expect(outcomes).toEqual(["wrong_amount", "no_order", "no_order", "outgoing", "already_paid"]);
    const later = await pullTransfers(start.cursor);
    expect(later.bankTransfers).toEqual([]);
  });

  it("refuses a body that is no SePay notification (400), and stores nothing", async () => {
    const order = await pushOrder(3);
    for (const body of [
      { ...sepay(order.total, order.number), transferAmount: -5 },
      { ...sepay(order.total, order.number), transferType: "sideways" },
      { id: 1 },
    ]) {
      expect((await post(body)).status).toBe(400);
    }
    expect(await server.count("bank_notifications")).toBe(0);
  });

  it("answers the back office with no key and no notifications for a store never set up", async () => {
    const owner = await server.login("ownerA");
    const other = server.world.stores.a2;
    const answer = await server.call<ListBody>("GET", `/api/bank/notifications?storeId=${other.id}`, {
      token: owner,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ keySet: false, keyCreatedAt: null, notifications: [] });
  });
});
