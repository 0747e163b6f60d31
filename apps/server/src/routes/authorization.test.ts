import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";

/**
 * The back office's calls are guarded by the server, whatever a browser app shows: a waiter's
 * or a cashier's token reads no reports and edits no catalog, users or stations.
 */
describe.each(testEngines())("back-office authorization on $name", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await TestServer.start(engine);
  });
  afterAll(async () => {
    await server.close();
    await engine.dispose();
  });

  const guarded = () => {
    const { a1 } = server.world.stores;
    const item = a1.items[0]?.id ?? "";
    return [
      ["GET", "/api/reports/sales?from=2026-11-01&to=2026-11-30", undefined],
      ["GET", "/api/reports/dashboard", undefined],
      [
        "POST",
        "/api/catalog/items",
        { categoryId: a1.categoryIds[0], name: "Trà sữa", price: 30_000, vatRate: 8 },
      ],
      ["PATCH", `/api/catalog/items/${item}`, { price: 1_000 }],
      ["DELETE", `/api/catalog/items/${item}`, undefined],
      ["POST", "/api/catalog/categories", { name: "Sinh tố" }],
      ["PATCH", `/api/catalog/categories/${a1.categoryIds[0]}`, { name: "Cafe" }],
      ["POST", "/api/catalog/areas", { name: "Tầng 2" }],
      ["POST", "/api/catalog/tables", { areaId: a1.areaId, name: "Bàn 9" }],
      ["DELETE", `/api/catalog/tables/${a1.tableIds[0]}`, undefined],
      ["GET", "/api/users", undefined],
      [
        "POST",
        "/api/users",
        { username: "moi", name: "Mới", role: "waiter", password: "1234", storeIds: [a1.id] },
      ],
      ["PATCH", `/api/users/${server.world.users.waiterA.id}`, { pin: "4321" }],
      ["GET", "/api/stations", undefined],
    ] as const;
  };

  it.each(["waiterA", "cashierA"] as const)(
    "refuses %s every report and back-office change",
    async (user) => {
      const token = await server.login(user);
      for (const [method, url, body] of guarded()) {
        const answer = await server.call(method, url, body === undefined ? { token } : { token, body });
        expect([answer.status, answer.body.error?.code], `${method} ${url}`).toEqual([403, "FORBIDDEN"]);
      }
      const catalog = await server.call<{ items: { name: string; price: number }[] }>("GET", "/api/catalog", {
        token,
      });
      expect(catalog.body.items.map((item) => item.price).sort()).toEqual([25_000, 29_000, 35_000]);
    },
  );

  it("asks everyone without a token to log in", async () => {
    for (const [method, url, body] of guarded()) {
      const answer = await server.call(method, url, body === undefined ? {} : { body });
      expect([answer.status, answer.body.error?.code], `${method} ${url}`).toEqual([401, "UNAUTHENTICATED"]);
    }
  });

  it("lets a manager read the reports and the stations", async () => {
    const token = await server.login("managerA");
    for (const url of [
      "/api/reports/sales?from=2026-11-01&to=2026-11-30",
      "/api/reports/dashboard",
      "/api/stations",
    ]) {
      expect((await server.call("GET", url, { token })).status, url).toBe(200);
    }
  });
});
