import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId } from "../test-support/ops.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

interface CatalogBody {
  store: { code: string; timeZone: string };
  categories: { id: string; name: string; sortOrder: number }[];
  items: {
    id: string;
    name: string;
    price: number;
    vatRate: number;
    categoryId: string;
    active: boolean;
    unit: string;
  }[];
  areas: { id: string; name: string }[];
  tables: { id: string; name: string; areaId: string }[];
}

describe.each(testEngines())("catalog on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  it("shows every user of a store its catalog", async () => {
    const waiter = await server.login("waiterA");
    const answer = await server.call<CatalogBody>("GET", "/api/catalog", { token: waiter });
    expect(answer.status).toBe(200);
    expect(answer.body.store.code).toBe("CH01");
    expect(answer.body.categories.map((category) => category.name)).toEqual(["Cà phê", "Bia"]);
    expect(answer.body.items.map((item) => [item.name, item.price, item.vatRate])).toEqual([
      ["Bạc xỉu", 35_000, 8],
      ["Bia Sài Gòn", 25_000, 10],
      ["Cà phê sữa đá", 29_000, 8],
    ]);
    expect(answer.body.tables.map((table) => table.name)).toEqual(["Bàn 1", "Bàn 2"]);
    const owner = await server.login("ownerA");
    const ambiguous = await server.call("GET", "/api/catalog", { token: owner });
    expect([ambiguous.status, ambiguous.body.error.code]).toEqual([400, "STORE_REQUIRED"]);
    const chosen = await server.call<CatalogBody>(
      "GET",
      `/api/catalog?storeId=${server.world.stores.a2.id}`,
      {
        token: owner,
      },
    );
    expect(chosen.body.store.code).toBe("CH02");
  });

  it("lets managers create, change and delete categories, items, areas and tables", async () => {
    const manager = await server.login("managerA");
    const category = await server.call<OrError<{ id: string; name: string; sortOrder: number }>>(
      "POST",
      "/api/catalog/categories",
      { token: manager, body: { name: "Sinh tố" } },
    );
    expect([category.status, category.body.name, category.body.sortOrder]).toEqual([201, "Sinh tố", 0]);
    const item = await server.call<OrError<CatalogBody["items"][number]>>("POST", "/api/catalog/items", {
      token: manager,
      body: { categoryId: category.body.id, name: "Sinh tố bơ", price: 45_000, vatRate: 8 },
    });
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({
      name: "Sinh tố bơ",
      price: 45_000,
      vatRate: 8,
      active: true,
      unit: "",
    });
    const changed = await server.call<CatalogBody["items"][number]>(
      "PATCH",
      `/api/catalog/items/${item.body.id}`,
      {
        token: manager,
        body: { price: 49_000, active: false },
      },
    );
    expect(changed.body).toMatchObject({ price: 49_000, active: false, name: "Sinh tố bơ" });

    const inUse = await server.call("DELETE", `/api/catalog/categories/${category.body.id}`, {
      token: manager,
    });
    expect([inUse.status, inUse.body.error.code]).toEqual([409, "IN_USE"]);
    expect(
      (await server.call("DELETE", `/api/catalog/items/${item.body.id}`, { token: manager })).status,
    ).toBe(204);
    expect(
      (await server.call("DELETE", `/api/catalog/categories/${category.body.id}`, { token: manager })).status,
    ).toBe(204);

    const area = await server.call<{ id: string }>("POST", "/api/catalog/areas", {
      token: manager,
      body: { name: "Sân thượng", sortOrder: 3 },
    });
    const table = await server.call<{ id: string; areaId: string }>("POST", "/api/catalog/tables", {
      token: manager,
      body: { areaId: area.body.id, name: "Bàn 30" },
    });
    expect(table.body.areaId).toBe(area.body.id);
    const catalog = await server.call<CatalogBody>("GET", "/api/catalog", { token: manager });
    expect(catalog.body.tables.map((entry) => entry.name)).toContain("Bàn 30");
    expect(catalog.body.items.map((entry) => entry.name)).not.toContain("Sinh tố bơ");
  });

  it("keeps the catalog for managers and owners, of their own stores", async () => {
    const { a1, a2, b1 } = server.world.stores;
    const item = a1.items[0]?.id;
    for (const user of ["cashierA", "waiterA"] as const) {
      const answer = await server.call("PATCH", `/api/catalog/items/${item}`, {
        token: await server.login(user),
        body: { price: 1_000 },
      });
      expect([answer.status, answer.body.error.code]).toEqual([403, "FORBIDDEN"]);
    }
    for (const user of ["managerA2", "ownerB"] as const) {
      const token = await server.login(user);
      const patch = await server.call("PATCH", `/api/catalog/items/${item}`, {
        token,
        body: { price: 1_000 },
      });
      expect([patch.status, patch.body.error.code]).toEqual([404, "NOT_FOUND"]);
      const remove = await server.call("DELETE", `/api/catalog/items/${item}`, { token });
      expect(remove.status).toBe(404);
    }
    const managerB = await server.login("ownerB");
    const intoA = await server.call("POST", "/api/catalog/items", {
      token: managerB,
      body: { categoryId: a1.categoryIds[0], name: "Lậu", price: 1_000, vatRate: 8 },
    });
    expect([intoA.status, intoA.body.error.code]).toEqual([404, "NOT_FOUND"]);
    const owner = await server.login("ownerA");
    const crossStore = await server.call("POST", "/api/catalog/items", {
      token: owner,
      body: { storeId: a2.id, categoryId: a1.categoryIds[0], name: "Lạc", price: 1_000, vatRate: 8 },
    });
    expect(crossStore.status).toBe(404);
    const foreignStore = await server.call("POST", "/api/catalog/categories", {
      token: owner,
      body: { storeId: b1.id, name: "Lậu" },
    });
    expect([foreignStore.status, foreignStore.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const catalog = await server.call<CatalogBody>("GET", "/api/catalog", {
      token: await server.login("cashierA"),
    });
    expect(catalog.body.items.find((entry) => entry.id === item)?.price).toBe(29_000);
  });

  it("refuses bad entries", async () => {
    const manager = await server.login("managerA");
    const categoryId = server.world.stores.a1.categoryIds[0];
    const bad: unknown[] = [
      { categoryId, name: "x", price: 10_000, vatRate: 7 },
      { categoryId, name: "x", price: -1, vatRate: 8 },
      { categoryId, name: "x", price: 10_000.5, vatRate: 8 },
      { categoryId, name: "", price: 10_000, vatRate: 8 },
      { categoryId: "nope", name: "x", price: 10_000, vatRate: 8 },
      { name: "x", price: 10_000, vatRate: 8 },
    ];
    for (const body of bad) {
      const answer = await server.call("POST", "/api/catalog/items", { token: manager, body });
      expect([answer.status, answer.body.error.code], JSON.stringify(body)).toEqual([
        400,
        "VALIDATION_FAILED",
      ]);
    }
    const missing = await server.call("POST", "/api/catalog/items", {
      token: manager,
      body: { categoryId: newTestId(), name: "x", price: 10_000, vatRate: 8 },
    });
    expect([missing.status, missing.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect(await server.count("items")).toBe(9);
  });

  it("refuses sort orders beyond 32 bits alike on both engines (PostgreSQL's INTEGER)", async () => {
    const manager = await server.login("managerA");
    const { a1 } = server.world.stores;
    const tooLarge = [2 ** 31, -(2 ** 31) - 1, 8_704_670_843_443_289];
    for (const sortOrder of tooLarge) {
      for (const [method, url, body] of [
        ["POST", "/api/catalog/areas", { name: "Tầng 3", sortOrder }],
        ["POST", "/api/catalog/categories", { name: "Trà", sortOrder }],
        ["PATCH", `/api/catalog/areas/${a1.areaId}`, { sortOrder }],
        ["PATCH", `/api/catalog/tables/${a1.tableIds[0]}`, { sortOrder }],
      ] as const) {
        const answer = await server.call(method, url, { token: manager, body });
        expect([answer.status, answer.body.error?.code], `${method} ${url} ${sortOrder}`).toEqual([
          400,
          "VALIDATION_FAILED",
        ]);
      }
    }
    const largest = await server.call("POST", "/api/catalog/areas", {
      token: manager,
      body: { name: "Tầng 3", sortOrder: 2 ** 31 - 1 },
    });
    expect(largest.status).toBe(201);
  });

  it("lets managers change their store and owners open new ones", async () => {
    const manager = await server.login("managerA");
    const { a1 } = server.world.stores;
    const changed = await server.call<{ name: string; autoSync: boolean; bank: unknown; address: string }>(
      "PATCH",
      `/api/stores/${a1.id}`,
      {
        token: manager,
        body: { autoSync: true, bank: { bin: "970436", account: "0011001234567", accountName: "CA PHE A1" } },
      },
    );
    expect(changed.body).toMatchObject({
      name: "Cà phê A1",
      autoSync: true,
      address: "1 Đồng Khởi, Quận 1, TP. Hồ Chí Minh",
    });
    const receipt = {
      taxCode: "0312345678-001",
      receiptFooter: "Cảm ơn quý khách!\nHẹn gặp lại",
      wifi: "Wi-Fi: A1",
    };
    const printed = await server.call("PATCH", `/api/stores/${a1.id}`, { token: manager, body: receipt });
    expect(printed.body).toMatchObject({ ...receipt, receiptHeader: "", autoSync: true });
    for (const bad of [
      { timeZone: "Mars/Base" },
      { taxCode: "03123" },
      { receiptHeader: "1\n2\n3\n4\n5" },
      { receiptFooter: "x".repeat(49) },
    ]) {
      const refused = await server.call("PATCH", `/api/stores/${a1.id}`, { token: manager, body: bad });
      expect([JSON.stringify(bad), refused.status]).toEqual([JSON.stringify(bad), 400]);
    }
    const notYours = await server.call("PATCH", `/api/stores/${server.world.stores.b1.id}`, {
      token: manager,
      body: { name: "x" },
    });
    expect(notYours.status).toBe(404);
    const denied = await server.call("POST", "/api/stores", {
      token: manager,
      body: { code: "CH09", name: "Mới", timeZone: "Asia/Ho_Chi_Minh" },
    });
    expect(denied.status).toBe(403);
    const owner = await server.login("ownerA");
    const created = await server.call<{ id: string; code: string }>("POST", "/api/stores", {
      token: owner,
      body: { code: "CH09", name: "Chi nhánh 9", timeZone: "Asia/Ho_Chi_Minh" },
    });
    expect([created.status, created.body.code]).toEqual([201, "CH09"]);
    const taken = await server.call("POST", "/api/stores", {
      token: owner,
      body: { code: "CH09", name: "Lặp", timeZone: "Asia/Ho_Chi_Minh" },
    });
    expect([taken.status, taken.body.error.code]).toEqual([409, "ALREADY_EXISTS"]);
    const stores = await server.call<{ stores: { code: string }[] }>("GET", "/api/stores", { token: owner });
    expect(stores.body.stores.map((store) => store.code)).toEqual(["CH01", "CH02", "CH09"]);
  });
});
