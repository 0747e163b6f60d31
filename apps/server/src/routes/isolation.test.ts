import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";

/** A user or device of one store can neither read nor write another store's data (docs/security.md). */
describe.each(testEngines())("tenant and store isolation on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  it("keeps another tenant's and another store's people out of an order", async () => {
    const { a1, b1 } = server.world.stores;
    const cashierA = await server.login("cashierA");
    const opened = await server.call<{ id: string }>("POST", "/api/orders", { token: cashierA, body: {} });
    const orderId = opened.body.id;
    const line = await server.call<{ lines: { id: string }[] }>("POST", `/api/orders/${orderId}/lines`, {
      token: cashierA,
      body: { itemId: a1.items[0]?.id, quantity: 1 },
    });
    const lineId = line.body.lines[0]?.id;
    const opsBefore = await server.count("ops");

    for (const user of ["cashierB", "ownerB", "managerA2"] as const) {
      const token = await server.login(user);
      const attempts: [string, string, unknown][] = [
        ["GET", `/api/orders/${orderId}`, undefined],
        ["POST", `/api/orders/${orderId}/lines`, { itemId: a1.items[0]?.id, quantity: 1 }],
        ["POST", `/api/orders/${orderId}/lines`, { itemId: b1.items[0]?.id, quantity: 1 }],
        ["PATCH", `/api/orders/${orderId}/lines/${lineId}`, { quantity: 5 }],
        ["POST", `/api/orders/${orderId}/payments`, { method: "cash", amount: 29_000 }],
        ["POST", `/api/orders/${orderId}/void`, { reason: "phá" }],
        ["POST", `/api/orders/${orderId}/move`, { tableId: null }],
      ];
      for (const [method, url, body] of attempts) {
        const answer = await server.call(method, url, body === undefined ? { token } : { token, body });
        expect([answer.status, answer.body.error.code], `${user} ${method} ${url}`).toEqual([
          404,
          "NOT_FOUND",
        ]);
      }
      const list = await server.call<{ orders: unknown[] }>("GET", "/api/orders", { token });
      expect(list.body.orders, user).toEqual([]);
    }
    expect(await server.count("ops")).toBe(opsBefore);
  });

  it("keeps each store's stations to their own store's data", async () => {
    const { a1, b1 } = server.world.stores;
    const stationA = await server.registerStation("cashierA", a1);
    const stationB = await server.registerStation("cashierB", b1);
    const saleA = new OpFactory(a1, stationA.stationId).invoice({
      at: "2026-11-28T02:00:00.000Z",
      paid: true,
    });
    await server.push(stationA.deviceToken, saleA.ops);

    const pulledB = await server.pull(stationB.deviceToken, 0);
    expect(pulledB.body.ops).toEqual([]);
    expect(pulledB.body.catalog?.items.map((item) => item.id).sort()).toEqual(
      b1.items.map((item) => item.id).sort(),
    );
    expect(pulledB.body.users?.map((user) => user.username).sort()).toEqual(["cashierb", "ownerb"]);

    const intrusion = new OpFactory(b1, stationB.stationId).op(
      saleA.orderId,
      "2026-11-28T02:05:00.000Z",
      "voidOrder",
      {
        reason: "phá",
      },
    );
    const answer = await server.push(stationB.deviceToken, [intrusion]);
    expect([answer.status, answer.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const ownerA = await server.login("ownerA");
    const order = await server.call<{ status: string }>("GET", `/api/orders/${saleA.orderId}`, {
      token: ownerA,
    });
    expect(order.body.status).toBe("paid");
  });

  it("lists only the caller's stores, stations and users", async () => {
    const { a1, b1 } = server.world.stores;
    await server.registerStation("cashierA", a1);
    await server.registerStation("cashierB", b1);
    const ownerB = await server.login("ownerB");
    const stores = await server.call<{ stores: { code: string; id: string }[] }>("GET", "/api/stores", {
      token: ownerB,
    });
    expect(stores.body.stores.map((store) => store.id)).toEqual([b1.id]);
    const stations = await server.call<{ stations: { storeId: string }[] }>("GET", "/api/stations", {
      token: ownerB,
    });
    expect(stations.body.stations.map((station) => station.storeId)).toEqual([b1.id]);
    const users = await server.call<{ users: { username: string }[] }>("GET", "/api/users", {
      token: ownerB,
    });
    expect(users.body.users.map((user) => user.username)).toEqual(["cashierb", "ownerb"]);
    const foreign = await server.call("GET", `/api/stations?storeId=${a1.id}`, { token: ownerB });
    expect(foreign.status).toBe(404);
    const events = await server.call("GET", `/api/events?storeId=${a1.id}`, { token: ownerB });
    expect(events.status).toBe(404);
  });
});
