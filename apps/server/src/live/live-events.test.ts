import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { SseClient } from "../test-support/sse.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";

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
    await otherStore.next((event) => event.event === "changed");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(otherStore.events).toHaveLength(1); // only its hello
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
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stranger.events).toEqual([]);
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
    await open("/api/events", token);
    const started = Date.now();
    await server.app.close();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
