import { hubPassVerifyingKey, verifyHubPass } from "@quay/auth";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { HUB_PASS_MS } from "../auth/hub-pass-issuer.js";
import { testEngines } from "../test-support/engines.test-support.js";
import { type OrError, TEST_START, TestServer } from "../test-support/test-server.test-support.js";

interface ShopNetwork {
  hubs: { stationId: string; name: string; urls: string[]; reportedAt: string }[];
}

describe.each(testEngines())("the shop's network through the cloud on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const report = (deviceToken: string, body: unknown) =>
    server.call<OrError<{ passKey: string }>>("PUT", "/api/stations/self/network", {
      token: deviceToken,
      body,
    });
  const shopNetwork = async (storeId = server.world.stores.a1.id, user = "waiterA" as const) =>
    server.call<OrError<ShopNetwork>>("GET", `/api/stores/${storeId}/shop-network`, {
      token: await server.login(user),
    });

  it("tells the store's waiters where its hubs are, newest report first, and not its spokes", async () => {
    const { a1 } = server.world.stores;
    const hub = await server.registerStation("cashierA", a1, "Quầy chính");
    const spoke = await server.registerStation("cashierA", a1, "Quầy 2");
    const spare = await server.registerStation("cashierA", a1, "Quầy dự phòng");
    expect((await shopNetwork()).body).toEqual({ hubs: [] });

    const answer = await report(hub.deviceToken, {
      role: "hub",
      addresses: ["192.168.1.10", "10.0.0.5", "192.168.1.10"],
      port: 3000,
    });
    expect(answer.status).toBe(200);
    expect(hubPassVerifyingKey(answer.body.passKey)).not.toBeNull();
    await report(spoke.deviceToken, { role: "spoke", addresses: ["192.168.1.11"], port: 3000 });
    server.clock.advance(60_000);
    await report(spare.deviceToken, { role: "hub", addresses: ["192.168.1.12"], port: 3001 });

    expect((await shopNetwork()).body).toEqual({
      hubs: [
        {
          stationId: spare.stationId,
          name: "Quầy dự phòng",
          urls: ["http://192.168.1.12:3001"],
          reportedAt: new Date(TEST_START + 60_000).toISOString(),
        },
        {
          stationId: hub.stationId,
          name: "Quầy chính",
          urls: ["http://192.168.1.10:3000", "http://10.0.0.5:3000"],
          reportedAt: new Date(TEST_START).toISOString(),
        },
      ],
    });
    // The spare PC restarted without --lan: it is no hub any more.
    await report(spare.deviceToken, { role: "counter", addresses: [], port: 3001 });
    expect((await shopNetwork()).body.hubs.map((entry) => entry.stationId)).toEqual([hub.stationId]);
  });

  it("takes only addresses on a shop's own network, and only from a station", async () => {
    const station = await server.registerStation("cashierA", server.world.stores.a1);
    for (const address of ["8.8.8.8", "192.169.0.1", "172.32.0.1", "evil.example", "192.168.1.300"]) {
      const answer = await report(station.deviceToken, { role: "hub", addresses: [address], port: 3000 });
      expect([address, answer.status, answer.body.error?.code]).toEqual([address, 400, "VALIDATION_FAILED"]);
    }
    const asPerson = await report(await server.login("managerA"), {
      role: "hub",
      addresses: ["192.168.1.10"],
      port: 3000,
    });
    expect(asPerson.status).toBe(403);
  });

  it("keeps another store's hubs to itself", async () => {
    const other = await server.registerStation("managerA2", server.world.stores.a2);
    await report(other.deviceToken, { role: "hub", addresses: ["192.168.2.10"], port: 3000 });
    const answer = await shopNetwork(server.world.stores.a2.id);
    expect([answer.status, answer.body.error?.code]).toEqual([404, "NOT_FOUND"]);
    expect((await server.call("GET", `/api/stores/${server.world.stores.a1.id}/shop-network`)).status).toBe(
      401,
    );
  });

  it("gives a waiter a 12-hour pass for their store, checked with the key every station is given", async () => {
    const { a1, a2 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const { passKey } = (await report(station.deviceToken, { role: "hub", addresses: [], port: 3000 })).body;
    const waiter = await server.login("waiterA");
    const answer = await server.call<OrError<{ pass: string; expiresAt: string }>>(
      "POST",
      `/api/stores/${a1.id}/hub-pass`,
      { token: waiter },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.expiresAt).toBe(new Date(TEST_START + HUB_PASS_MS).toISOString());
    const key = hubPassVerifyingKey(passKey);
    if (!key) throw new Error("no key");
    expect(verifyHubPass(answer.body.pass, key, { nowMs: TEST_START, storeId: a1.id })).toMatchObject({
      ok: true,
      claims: { sub: server.world.users.waiterA.id, store: a1.id },
    });
    const elsewhere = await server.call("POST", `/api/stores/${a2.id}/hub-pass`, { token: waiter });
    expect(elsewhere.status).toBe(404);
    const byStation = await server.call("POST", `/api/stores/${a1.id}/hub-pass`, {
      token: station.deviceToken,
    });
    expect(byStation.status).toBe(403);
  });

  it("signs with the same key after a restart", async () => {
    const station = await server.registerStation("cashierA", server.world.stores.a1);
    const body = { role: "hub", addresses: ["192.168.1.10"], port: 3000 };
    const before = (await report(station.deviceToken, body)).body.passKey;
    await server.restart();
    expect((await report(station.deviceToken, body)).body.passKey).toBe(before);
  });

  it("migrates a database of schema 10: its stations stay, and report once the columns exist", async () => {
    const station = await server.registerStation("cashierA", server.world.stores.a1);
    for (const column of ["network_role", "network_urls", "network_reported_at"])
      await server.db.query(`ALTER TABLE stations DROP COLUMN ${column}`);
    await server.db.query("DELETE FROM schema_migrations WHERE version = 11");
    await server.restart();
    expect(
      (await report(station.deviceToken, { role: "hub", addresses: ["192.168.1.10"], port: 3000 })).status,
    ).toBe(200);
    expect((await shopNetwork()).body.hubs).toHaveLength(1);
  });
});
