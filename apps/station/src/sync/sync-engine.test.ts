import type { Op, Order } from "@quay/core";
import type { StationStatus } from "@quay/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestStation, type TestStation, waitFor } from "../station.test-support.js";
import { type FakeServer, ITEM_ID, startFakeServer } from "./fake-server.test-support.js";

describe("sync engine (against an in-memory server)", () => {
  let server: FakeServer;
  let station: TestStation;
  let token: string;

  const call = async (method: "GET" | "POST", url: string, payload?: object) => {
    const response = await station.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  };
  const status = async () => (await call("GET", "/api/status")).body as unknown as StationStatus;
  const sale = async (pay: boolean) => {
    const order = (await call("POST", "/api/orders", {})).body as unknown as Order;
    const withLine = (await call("POST", `/api/orders/${order.id}/lines`, { itemId: ITEM_ID, quantity: 2 }))
      .body as unknown as Order;
    if (pay)
      await call("POST", `/api/orders/${order.id}/payments`, { method: "cash", amount: withLine.total });
    return order.id;
  };

  beforeEach(async () => {
    server = await startFakeServer();
    station = await startTestStation(server.url, { sync: { paidBatchOrders: 2 } });
    token = await station.login();
    await waitFor(async () => (await status()).mode === "online", 3_000, "online");
  });
  afterEach(async () => {
    await station.close();
    await server.close();
  });

  it("pushes an online sale within a second", async () => {
    const started = Date.now();
    const orderId = await sale(true);
    await waitFor(() => server.orderOps(orderId).length === 4, 1_000, "sale on the server");
    expect(Date.now() - started).toBeLessThan(1_000);
    await waitFor(async () => (await status()).pending.paidOrders === 0, 1_000, "nothing pending");
  });

  it("goes offline by itself, offers the sync on return, then pushes open orders before the paid backlog", async () => {
    server.setAvailable(false);
    await waitFor(async () => (await status()).mode === "offline", 3_000, "offline");
    expect((await status()).serverReachable).toBe(false);
    const paid = [await sale(true), await sale(true), await sale(true), await sale(true), await sale(true)];
    const open = [await sale(false), await sale(false)];
    expect((await status()).pending).toEqual({ openOrders: 2, paidOrders: 5 });
    const refused = await call("POST", "/api/sync");
    expect([refused.status, (refused.body.error as { code: string }).code]).toEqual([
      409,
      "SERVER_UNREACHABLE",
    ]);

    server.setAvailable(true);
    const offered = await waitFor(
      async () => {
        const current = await status();
        return current.sync.state === "offered" ? current : null;
      },
      2_000,
      "offered",
    );
    expect(offered).toMatchObject({
      mode: "offline",
      serverReachable: true,
      pending: { openOrders: 2, paidOrders: 5 },
    });
    expect(server.ops.size).toBe(0);

    expect((await call("POST", "/api/sync")).status).toBe(202);
    await waitFor(async () => (await status()).mode === "online", 3_000, "online after sync");
    expect(await status()).toMatchObject({
      mode: "online",
      pending: { openOrders: 0, paidOrders: 0 },
      sync: { state: "idle", phase: null },
    });
    const firstPaid = Math.min(...paid.map((id) => server.receivedAt.get(id) ?? Number.POSITIVE_INFINITY));
    const lastOpen = Math.max(...open.map((id) => server.receivedAt.get(id) ?? Number.POSITIVE_INFINITY));
    expect(lastOpen).toBeLessThan(firstPaid);
    expect(server.pushes[0]).toEqual({ ops: 4, orders: 2 });
    expect(server.pushes.slice(1, 4).map((push) => push.orders)).toEqual([2, 2, 1]);
    for (const id of [...paid, ...open]) {
      expect(server.orderOps(id).length).toBe(station.store.orders.opsOf(id).length);
    }
  });

  it("shows a phone's order and merges both sides' lines on one order", async () => {
    const orderId = await sale(false);
    await waitFor(() => server.orderOps(orderId).length === 2, 1_000, "order on the server");
    const [open, line] = server.orderOps(orderId);
    if (!open || !line || line.kind !== "addLine") throw new Error("unexpected ops");
    const phoneLine: Op = {
      ...line,
      id: "0190b000-0000-7000-8000-0000000000b1",
      at: new Date().toISOString(),
      deviceSeq: 1,
      data: { ...line.data, lineId: "0190b000-0000-7000-8000-0000000000b2", quantity: 1 },
    };
    const started = Date.now();
    server.addRemote([phoneLine]);
    await waitFor(
      () => station.store.orders.getOrder(orderId)?.lines.length === 2,
      1_000,
      "phone line at the counter",
    );
    expect(Date.now() - started).toBeLessThan(1_000);

    server.setAvailable(false);
    await waitFor(async () => (await status()).mode === "offline", 3_000, "offline");
    await call("POST", `/api/orders/${orderId}/lines`, { itemId: ITEM_ID, quantity: 3 });
    server.setAvailable(true);
    await waitFor(async () => (await status()).sync.state === "offered", 2_000, "offered");
    await call("POST", "/api/sync");
    await waitFor(async () => (await status()).mode === "online", 3_000, "online");
    expect(station.store.orders.getOrder(orderId)?.lines).toHaveLength(3);
    expect(
      new Set(
        server
          .orderOps(orderId)
          .filter((op) => op.kind === "addLine")
          .map((op) => op.id),
      ).size,
    ).toBe(3);
  });

  it("pushes the paid backlog oldest first, in batches", async () => {
    server.setAvailable(false);
    await waitFor(async () => (await status()).mode === "offline", 3_000, "offline");
    const paid: string[] = [];
    for (let index = 0; index < 7; index++) paid.push(await sale(true));
    server.setAvailable(true);
    await waitFor(async () => (await status()).sync.state === "offered", 2_000, "offered");
    await call("POST", "/api/sync");
    await waitFor(async () => (await status()).mode === "online", 3_000, "online");
    const arrival = paid.map((id) => server.receivedAt.get(id) ?? 0);
    expect(arrival).toEqual([...arrival].sort((a, b) => a - b));
    expect(server.pushes.map((push) => push.orders)).toEqual([2, 2, 2, 1]);
  });

  it("resumes an approved sync after a restart, without asking again", async () => {
    server.setAvailable(false);
    await waitFor(async () => (await status()).mode === "offline", 3_000, "offline");
    const orderId = await sale(true);
    station.store.settings.set("syncConsent", true);
    const dataDir = station.dataDir;
    await station.close(true);
    station = await startTestStation(server.url, { dataDir });
    token = await station.login("thungan", "1234", "offline");
    server.setAvailable(true);
    await waitFor(async () => (await status()).mode === "online", 3_000, "online");
    expect(server.orderOps(orderId)).toHaveLength(4);
    expect(station.store.settings.get("syncConsent")).toBe(false);
  });

  it("pushes changes made online but cut off by a lost link on return, without asking", async () => {
    server.setAvailable(false);
    const orderId = await sale(true); // the station has not noticed yet: still online
    await waitFor(async () => (await status()).mode === "offline", 3_000, "offline");
    expect((await status()).pending.paidOrders).toBe(1);
    const states: string[] = [];
    server.setAvailable(true);
    await waitFor(
      async () => {
        const current = await status();
        states.push(current.sync.state);
        return current.mode === "online";
      },
      3_000,
      "online",
    );
    expect(states).not.toContain("offered");
    expect(server.orderOps(orderId)).toHaveLength(4);
  });

  it("syncs by itself on return when the store says so", async () => {
    station.store.settings.set("autoSync", true);
    server.setAvailable(false);
    await waitFor(async () => (await status()).mode === "offline", 3_000, "offline");
    const orderId = await sale(true);
    server.setAvailable(true);
    await waitFor(async () => (await status()).mode === "online", 3_000, "online");
    expect(server.orderOps(orderId)).toHaveLength(4);
  });
});
