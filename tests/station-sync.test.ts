import { describe, expect, it } from "vitest";
import { call, login, ok, waitFor } from "./support/http.mjs";
import { essence, type OrderView, type QuayWorld, sell, worldForSuite } from "./support/quay-world.js";

/**
 * A real server and a real station, as separate processes with a TCP proxy between them:
 * online selling, losing the server, selling offline, the way back, and phone+counter merges.
 */
describe("station ↔ server sync (cross-process)", () => {
  let world: QuayWorld;
  worldForSuite((started) => {
    world = started;
  });

  // How fast (within a second; noticed within seconds) is measured by `npm run bench`
  // (bench/catch-up.mjs), not asserted here: timings flake on a shared machine.
  it("brings an online sale to the server by itself", async () => {
    const order = await sell(world, { lines: 3, pay: true });
    const onServer = await waitFor(
      async () => {
        const { status, body } = await call(world.server.url, "GET", `/api/orders/${order.id}`, {
          token: world.adminToken,
        });
        return status === 200 && body.status === "paid" ? body : null;
      },
      { timeoutMs: 10_000, everyMs: 10, what: "the sale on the server" },
    );
    expect(essence(onServer)).toEqual(essence(order));
  });

  it("shows a waiter's phone order at the counter by itself", async () => {
    const waiter = await login(world.server.url, "phucvu", "1234");
    const order = await ok(world.server.url, "POST", "/api/orders", { token: waiter, body: {} });
    await ok(world.server.url, "POST", `/api/orders/${order.id}/lines`, {
      token: waiter,
      body: { itemId: world.items[0]?.id, quantity: 2 },
    });
    const atCounter = await waitFor(
      async () => {
        const { status, body } = await call(world.station.url, "GET", `/api/orders/${order.id}`, {
          token: world.stationToken,
        });
        return status === 200 && body.lines.length === 1 ? body : null;
      },
      { timeoutMs: 10_000, everyMs: 10, what: "the phone order at the counter" },
    );
    expect(atCounter.lines[0].quantity).toBe(2);
  });

  it("goes offline by itself when the server dies, sells on, and syncs open orders before the paid backlog", async () => {
    await world.killServer();
    await world.waitForStatus(
      (status) => status.mode === "offline" && !status.serverReachable,
      10_000,
      "offline",
    );
    // Offline login works with the cached credentials; the old session still works too.
    await login(world.station.url, "thungan", "1234", "offline");
    const online = await call(world.station.url, "POST", "/api/login", {
      body: { username: "thungan", password: "1234", mode: "online" },
    });
    expect(online.status).toBe(503);
    expect(online.body.error.code).toBe("SERVER_UNREACHABLE");

    const paid: OrderView[] = [];
    for (let index = 0; index < 25; index++)
      paid.push(await sell(world, { lines: 1 + (index % 5), pay: true, seed: index }));
    const open: OrderView[] = [];
    for (let index = 0; index < 4; index++)
      open.push(await sell(world, { lines: 2, pay: false, seed: index }));
    const refused = await call(world.station.url, "POST", "/api/sync", { token: world.stationToken });
    expect([refused.status, refused.body.error.code]).toEqual([409, "SERVER_UNREACHABLE"]);
    expect((await world.status()).pending).toEqual({ openOrders: 4, paidOrders: 25 });

    await world.restartServer();
    const offered = await world.waitForStatus(
      (status) => status.sync.state === "offered",
      10_000,
      "the sync offer",
    );
    expect(offered).toMatchObject({
      mode: "offline",
      serverReachable: true,
      pending: { openOrders: 4, paidOrders: 25 },
    });

    const yes = await call(world.station.url, "POST", "/api/sync", { token: world.stationToken });
    expect(yes.status).toBe(202);
    await world.waitForStatus(
      (status) => status.mode === "online" && status.pending.openOrders + status.pending.paidOrders === 0,
      10_000,
      "online again",
    );
    const status = await world.status();
    expect(status.sync).toMatchObject({ state: "idle", phase: null });
    expect(status.lastSyncAt).not.toBeNull();

    const serverOrders = new Map((await world.serverOrders()).map((order) => [order.id, order]));
    for (const order of [...paid, ...open]) {
      const remote = serverOrders.get(order.id);
      expect(remote, `order ${order.number} on the server`).toBeDefined();
      if (remote) expect(essence(remote)).toEqual(essence(order));
    }
    const receivedAt = (orders: typeof paid) =>
      orders.map((order) => serverOrders.get(order.id)?.receivedAt ?? "");
    const lastOpen = receivedAt(open).sort().at(-1) ?? "";
    const firstPaid = receivedAt(paid).sort()[0] ?? "";
    expect(lastOpen <= firstPaid, `open orders (${lastOpen}) before paid ones (${firstPaid})`).toBe(true);
    const numbers = [...serverOrders.values()].map((order) => order.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("merges an order changed on a phone and at the offline counter: both sides' lines on both sides", async () => {
    const order = await sell(world, { lines: 1, pay: false });
    await waitFor(
      async () =>
        (await call(world.server.url, "GET", `/api/orders/${order.id}`, { token: world.adminToken }))
          .status === 200,
      { timeoutMs: 2_000, what: "the order on the server" },
    );
    await world.proxy.setMode("blackhole");
    await world.waitForStatus((status) => status.mode === "offline", 3_000, "offline");
    const waiter = await login(world.server.url, "phucvu", "1234");
    await ok(world.server.url, "POST", `/api/orders/${order.id}/lines`, {
      token: waiter,
      body: { itemId: world.items[1]?.id, quantity: 1 },
    });
    const atCounter = await ok(world.station.url, "POST", `/api/orders/${order.id}/lines`, {
      token: world.stationToken,
      body: { itemId: world.items[2]?.id, quantity: 4 },
    });
    expect(atCounter.lines).toHaveLength(2);

    await world.proxy.setMode("pass");
    await world.syncToTheEnd();
    const merged = await waitFor(
      async () => {
        const local = await ok(world.station.url, "GET", `/api/orders/${order.id}`, {
          token: world.stationToken,
        });
        return local.lines.length === 3 ? local : null;
      },
      { timeoutMs: 3_000, what: "the phone's line at the counter" },
    );
    const remote = await ok(world.server.url, "GET", `/api/orders/${order.id}`, { token: world.adminToken });
    expect(essence(remote)).toEqual(essence(merged));
  });
});
