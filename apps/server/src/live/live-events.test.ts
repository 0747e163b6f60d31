import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { SseClient } from "../test-support/sse.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";
import type { WorldStore, WorldUser } from "../test-support/world.test-support.js";

describe.each(testEngines())("live events on $name", (engine) => {
  let server: TestServer;
  let url: string;
  const clients: SseClient[] = [];
  const open = async (path: string, token: string) => {
    const client = await SseClient.open(`${url}${path}`, { authorization: `Bearer ${token}` });
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await TestServer.start(engine);
    url = await server.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server.close();
  });
  afterAll(() => engine.dispose());

  /** Changes the price of the first item of `store`, as `user`. */
  const changeCatalog = async (user: WorldUser, store: WorldStore) => {
    const token = await server.login(user);
    const answer = await server.call("PATCH", `/api/catalog/items/${store.items[0]?.id}`, {
      token,
      body: { price: 31_000 },
    });
    expect(answer.status).toBe(200);
  };

  it("tells stations of the store to pull, with the new cursor", async () => {
    const { a1, a2 } = server.world.stores;
    const listening = await server.registerStation("cashierA", a1, "Quầy 1");
    const pushing = await server.registerStation("managerA", a1, "Quầy 2");
    const elsewhere = await server.registerStation("managerA2", a2, "Quầy A2");
    const events = await open("/api/sync/events", listening.deviceToken);
    const otherStore = await open("/api/sync/events", elsewhere.deviceToken);
    expect(events.status).toBe(200);
    const hello = await events.next((event) => event.event === "changed");
    const pushed = await server.push(
      pushing.deviceToken,
      new OpFactory(a1, pushing.stationId).invoice({ at: "2026-11-28T02:00:00.000Z" }).ops,
    );
    const changed = await events.next(
      (event) =>
        event.event === "changed" && (event.data as { cursor: number }).cursor === pushed.body.cursor,
    );
    expect((changed.data as { cursor: number }).cursor).toBeGreaterThan(
      (hello.data as { cursor: number }).cursor,
    );
    // A change in the other store reaches it after anything of a1 that could have leaked to it.
    const own = await server.push(
      elsewhere.deviceToken,
      new OpFactory(a2, elsewhere.stationId).invoice({ at: "2026-11-28T02:00:00.000Z" }).ops,
    );
    await otherStore.next(
      (event) => event.event === "changed" && (event.data as { cursor: number }).cursor === own.body.cursor,
    );
    expect(otherStore.events.slice(1)).toEqual([{ event: "changed", data: { cursor: own.body.cursor } }]);
  });

  it("sends browsers of the store each changed order, and catalog changes", async () => {
    const { a1 } = server.world.stores;
    const manager = await server.login("managerA");
    const browser = await open("/api/events", manager);
    const strangerToken = await server.login("ownerB");
    const stranger = await open("/api/events", strangerToken);
    const station = await server.registerStation("cashierA", a1);
    const sale = new OpFactory(a1, station.stationId).invoice({ at: "2026-11-28T02:00:00.000Z", paid: true });
    await server.push(station.deviceToken, sale.ops);
    const order = await browser.next((event) => event.event === "order");
    expect(order.data).toMatchObject({ id: sale.orderId, status: "paid", total: sale.total });

    await server.call("PATCH", `/api/catalog/items/${a1.items[0]?.id}`, {
      token: manager,
      body: { price: 30_000 },
    });
    const catalog = await browser.next((event) => event.event === "catalog");
    expect(catalog.data).toMatchObject({ storeId: a1.id });
    // A change in the stranger's own store comes after anything of a1 that could have leaked.
    const { b1 } = server.world.stores;
    await changeCatalog("ownerB", b1);
    await stranger.next((event) => event.event === "catalog");
    expect(stranger.events).toEqual([
      { event: "catalog", data: expect.objectContaining({ storeId: b1.id }) },
    ]);
  });

  it("accepts the session cookie or a token parameter from EventSource, and nothing else", async () => {
    const token = await server.login("waiterA");
    const byQuery = await SseClient.open(`${url}/api/events?token=${encodeURIComponent(token)}`);
    const byCookie = await SseClient.open(`${url}/api/events`, { cookie: `quay_session=${token}` });
    const anonymous = await SseClient.open(`${url}/api/events`);
    clients.push(byQuery, byCookie, anonymous);
    expect([byQuery.status, byCookie.status, anonymous.status]).toEqual([200, 200, 401]);
    const device = await server.registerStation("cashierA", server.world.stores.a1);
    const wrongKind = await SseClient.open(`${url}/api/sync/events`, { authorization: `Bearer ${token}` });
    clients.push(wrongKind);
    expect(wrongKind.status).toBe(403);
    expect(device.deviceToken).toBeTruthy();
  });

  it("closes open streams when the server stops", async () => {
    const token = await server.login("waiterA");
    const client = await open("/api/events", token);
    // Closing waits for no stream to end by itself: it ends them, and the client sees the end.
    await Promise.all([server.app.close(), client.ended]);
    expect(client.events).toEqual([]);
  });
});
