import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ok, waitFor } from "./support/http.mjs";
import type { OrderView } from "./support/quay-world.js";
import { type Counter, expectShopConverged, ShopWorld } from "./support/shop-world.js";

/**
 * A shop's two counters as real processes: a hub and its spoke, the cloud behind a proxy that a
 * test cuts (the internet), the spoke reaching the hub through another (the LAN). Every outcome
 * of the issue in turn, each ending with every acknowledged sale exactly once at every tier.
 */
describe("a shop's hub and spoke (cross-process)", () => {
  let world: ShopWorld;
  const acknowledged = new Map<string, OrderView>();

  beforeAll(async () => {
    world = await ShopWorld.start();
  }, 90_000);
  afterAll(async () => {
    await world?.stop();
  });

  const at = (counter: Counter) => ({
    post: async (path: string, body: object = {}): Promise<OrderView> => {
      const order = (await ok(counter.url(), "POST", path, { token: counter.token, body })) as OrderView;
      acknowledged.set(order.id, order);
      return order;
    },
  });
  /** A sale at a counter through its API: open (at a table), lines, and paid unless `open`. */
  const sell = async (counter: Counter, options: { seed: number; open?: boolean }) => {
    const table = world.tables[options.seed % world.tables.length];
    let order = await at(counter).post("/api/orders", { tableId: table?.id });
    for (let line = 0; line < 1 + (options.seed % 3); line++) {
      const item = world.items[(options.seed + line) % world.items.length];
      order = await at(counter).post(`/api/orders/${order.id}/lines`, {
        itemId: item?.id,
        quantity: 1 + line,
      });
    }
    if (!options.open)
      order = await at(counter).post(`/api/orders/${order.id}/payments`, {
        method: "cash",
        amount: order.total,
      });
    return order;
  };
  const converge = async () => {
    await world.syncToTheEnd(world.hub);
    await world.syncToTheEnd(world.spoke);
    await world.syncToTheEnd(world.hub); // what the hub pulled meanwhile
    await waitFor(
      async () => {
        const cloud = new Set((await world.cloudOrders()).map((order) => order.id));
        return [...acknowledged.keys()].every((id) => cloud.has(id));
      },
      { timeoutMs: 15_000, everyMs: 100, what: "every acknowledged order at the cloud" },
    );
    await expectShopConverged(world, acknowledged, (condition, message) =>
      expect(condition, message).toBe(true),
    );
  };

  it("cloud cut: a waiter's phone orders through the hub, the spoke takes the payment, and the cloud gets it once", async () => {
    await world.internet.setMode("refuse");
    await world.waitForMode(world.hub, "offline", 5_000);
    // The phone app's own calls (apps/web/src/waiter/api/waiter-api.ts), to the hub's port.
    const phone = await ok(world.hub.url(), "POST", "/api/login", {
      body: { username: "phucvu", password: "1234" },
    });
    expect([phone.network, phone.mode]).toEqual(["shop", "offline"]);
    const storeId: string = phone.stores[0].id;
    const asPhone = { token: phone.token as string };
    const catalog = await ok(world.hub.url(), "GET", `/api/catalog?storeId=${storeId}`, asPhone);
    expect(catalog.store.id).toBe(storeId);
    const tableId = world.tables[2]?.id;
    const orderId = randomUUID();
    const open = { storeId, id: orderId, tableId };
    await ok(world.hub.url(), "POST", "/api/orders", { ...asPhone, body: open });
    await ok(world.hub.url(), "POST", "/api/orders", { ...asPhone, body: open }); // a retry: the same order
    const line = { lineId: randomUUID(), itemId: world.items[1]?.id, quantity: 2, note: "ít đá" };
    for (let attempt = 0; attempt < 2; attempt++)
      await ok(world.hub.url(), "POST", `/api/orders/${orderId}/lines`, { ...asPhone, body: line });
    const floor = await ok(world.hub.url(), "GET", `/api/floor?storeId=${storeId}`, asPhone);
    const onMap = floor.orders.find((order: OrderView) => order.id === orderId);
    expect(onMap.lines.map((held: OrderView["lines"][number]) => held.id)).toEqual([line.lineId]);

    // The spoke's cashier sees the table, adds a line and takes the money.
    await world.orderAt(world.spoke, orderId, (order) => order.lines.length === 1, 10_000);
    const withLine = await at(world.spoke).post(`/api/orders/${orderId}/lines`, {
      itemId: world.items[0]?.id,
      quantity: 1,
    });
    const paid = await at(world.spoke).post(`/api/orders/${orderId}/payments`, {
      method: "cash",
      amount: withLine.total,
    });
    expect([paid.status, paid.tableId, paid.lines.length]).toEqual(["paid", tableId, 2]);
    await world.orderAt(world.hub, orderId, (order) => order.status === "paid", 10_000);

    await world.internet.setMode("pass");
    await converge();
    const atCloud = (await world.cloudOrders()).filter((order) => order.id === orderId);
    expect(atCloud.map((order) => [order.status, order.total, order.lines.length])).toEqual([
      ["paid", paid.total, 2],
    ]);
  }, 90_000);

  it("cloud cut, hub up: the counters share a table through the hub, and the cloud gets each sale once", async () => {
    await world.internet.setMode("refuse");
    await world.waitForMode(world.hub, "offline", 5_000);
    await world.waitForMode(world.spoke, "offline", 5_000);
    // What the cashier's status bar shows: no internet, but the hub answers.
    expect((await ok(world.spoke.url(), "GET", "/api/status")).hub).toEqual({
      registered: true,
      reachable: true,
    });
    expect((await ok(world.hub.url(), "GET", "/api/status")).hub).toBeNull();

    const table = world.tables[0]?.id;
    const opened = await at(world.hub).post("/api/orders", { tableId: table });
    await world.orderAt(world.spoke, opened.id, () => true, 10_000);

    const item = world.items[0];
    const withLine = await at(world.spoke).post(`/api/orders/${opened.id}/lines`, {
      itemId: item?.id,
      quantity: 2,
    });
    const paid = await at(world.spoke).post(`/api/orders/${opened.id}/payments`, {
      method: "cash",
      amount: withLine.total,
    });
    expect(paid.status).toBe("paid");
    const atHub = await world.orderAt(world.hub, opened.id, (order) => order.status === "paid", 10_000);
    expect(atHub.total).toBe(paid.total);

    // The spoke opens a table; the hub moves it to another; the spoke sees it moved.
    const spokeOrder = await sell(world.spoke, { seed: 1, open: true });
    await world.orderAt(
      world.hub,
      spokeOrder.id,
      (order) => order.lines.length === spokeOrder.lines.length,
      10_000,
    );
    const otherTable = world.tables[5]?.id;
    await at(world.hub).post(`/api/orders/${spokeOrder.id}/move`, { tableId: otherTable });
    await world.orderAt(world.spoke, spokeOrder.id, (order) => order.tableId === otherTable, 10_000);
    await at(world.spoke).post(`/api/orders/${spokeOrder.id}/payments`, {
      method: "card",
      amount: spokeOrder.total,
    });
    for (let seed = 2; seed < 6; seed++) await sell(seed % 2 ? world.spoke : world.hub, { seed });

    await world.internet.setMode("pass");
    await converge();
  }, 90_000);

  it("hub killed while the cloud is cut: the spoke sells on alone, and all converges once the hub is back", async () => {
    await world.internet.setMode("refuse");
    await world.waitForMode(world.spoke, "offline", 5_000);
    const before = await sell(world.spoke, { seed: 7, open: true });
    await world.orderAt(world.hub, before.id, () => true, 10_000);
    await world.hub.process.kill();
    await world.waitForLink(false, 5_000);
    for (let seed = 8; seed < 12; seed++) {
      await sell(world.spoke, { seed, open: seed === 11 });
    }
    await at(world.spoke).post(`/api/orders/${before.id}/payments`, { method: "cash", amount: before.total });

    await world.restartHub();
    await world.waitForLink(true, 10_000);
    await world.orderAt(world.hub, before.id, (order) => order.status === "paid", 5_000);
    await world.internet.setMode("pass");
    await converge();
  }, 90_000);

  it("a spoke switched off before the internet returns: the hub relays its sales to the cloud", async () => {
    await world.internet.setMode("refuse");
    await world.waitForMode(world.spoke, "offline", 5_000);
    const sales: OrderView[] = [];
    for (let seed = 20; seed < 23; seed++) sales.push(await sell(world.spoke, { seed }));
    for (const sale of sales)
      await world.orderAt(world.hub, sale.id, (order) => order.status === "paid", 10_000);
    await world.spoke.process.stop();
    await world.internet.setMode("pass");
    await world.syncToTheEnd(world.hub); // the hub's cashier says yes for what the spoke sold too
    const cloud = new Map((await world.cloudOrders()).map((order) => [order.id, order]));
    for (const sale of sales) expect(cloud.get(sale.id)?.status, sale.number ?? "").toBe("paid");
    await world.restartSpoke();
    await world.waitForLink(true, 10_000);
    await converge();
  }, 90_000);

  it("hub down, cloud up: the spoke syncs with the cloud directly", async () => {
    await world.hub.process.stop();
    await world.waitForLink(false, 5_000);
    const sale = await sell(world.spoke, { seed: 13 });
    await waitFor(
      async () =>
        (await world.cloudOrders()).find((order) => order.id === sale.id && order.status === "paid"),
      { timeoutMs: 2_000, everyMs: 20, what: "the spoke's sale at the cloud" },
    );
    await world.restartHub();
    await world.waitForLink(true, 10_000);
    await world.orderAt(world.hub, sale.id, (order) => order.status === "paid", 5_000);
    await converge();
  }, 90_000);
});
