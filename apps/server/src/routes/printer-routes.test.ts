import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId } from "../test-support/ops.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

interface PrinterBody {
  id: string;
  name: string;
  address: string;
  kind: "kitchen" | "receipt";
  categoryIds: string[];
  width: 58 | 80;
  vietnamese: "tcvn3" | "raster";
  active: boolean;
}

interface StoreBody {
  id: string;
  name: string;
  ticketMaxAgeMinutes: number;
  printReceipts: boolean;
}

interface SnapshotBody {
  store: StoreBody;
  printers: PrinterBody[];
}

describe.each(testEngines())("printers on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const bar = (categoryIds: readonly string[]) => ({
    name: "Bar",
    address: "tcp://192.168.1.50",
    kind: "kitchen",
    categoryIds,
    width: 80,
    vietnamese: "tcvn3",
  });

  it("adds, lists, changes and deletes a store's printers", async () => {
    const manager = await server.login("managerA");
    const { a1 } = server.world.stores;
    const coffee = a1.categoryIds[0] ?? "";
    const created = await server.call<OrError<PrinterBody>>("POST", "/api/printers", {
      token: manager,
      body: bar([coffee]),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Bar",
      address: "tcp://192.168.1.50:9100",
      kind: "kitchen",
      categoryIds: [coffee],
      width: 80,
      vietnamese: "tcvn3",
      active: true,
    });
    const receipt = await server.call<OrError<PrinterBody>>("POST", "/api/printers", {
      token: manager,
      body: { name: "Quầy thu ngân", address: "tcp://printer.local:9101", kind: "receipt" },
    });
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ categoryIds: [], width: 80, vietnamese: "raster", active: true });

    const changed = await server.call<OrError<PrinterBody>>("PATCH", `/api/printers/${created.body.id}`, {
      token: manager,
      body: { categoryIds: [...a1.categoryIds], width: 58, active: false },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: "Bar", width: 58, active: false, vietnamese: "tcvn3" });
    expect([...changed.body.categoryIds].sort()).toEqual([...a1.categoryIds].sort());

    const listed = await server.call<{ printers: PrinterBody[] }>("GET", `/api/printers?storeId=${a1.id}`, {
      token: manager,
    });
    expect(listed.body.printers.map((printer) => [printer.name, printer.active])).toEqual([
      ["Bar", false],
      ["Quầy thu ngân", true],
    ]);
    const catalog = await server.call<SnapshotBody>("GET", "/api/catalog", { token: manager });
    expect(catalog.body.printers.map((printer) => printer.name)).toEqual(["Quầy thu ngân"]);

    const removed = await server.call("DELETE", `/api/printers/${receipt.body.id}`, { token: manager });
    expect(removed.status).toBe(204);
    const after = await server.call<{ printers: PrinterBody[] }>("GET", "/api/printers", { token: manager });
    expect(after.body.printers.map((printer) => printer.name)).toEqual(["Bar"]);
    expect(await server.count("printer_categories")).toBe(2);
  });

  it("keeps printers for owners and managers of their own stores", async () => {
    const { a1, a2, b1 } = server.world.stores;
    const manager = await server.login("managerA");
    const printer = (
      await server.call<PrinterBody>("POST", "/api/printers", { token: manager, body: bar([]) })
    ).body;
    for (const user of ["cashierA", "waiterA"] as const) {
      const token = await server.login(user);
      for (const [method, url, body] of [
        ["GET", "/api/printers", undefined],
        ["POST", "/api/printers", bar([])],
        ["PATCH", `/api/printers/${printer.id}`, { name: "Quầy bar" }],
        ["DELETE", `/api/printers/${printer.id}`, undefined],
      ] as const) {
        const answer = await server.call(method, url, { token, body });
        expect([answer.status, answer.body.error.code], `${user} ${method}`).toEqual([403, "FORBIDDEN"]);
      }
    }
    for (const user of ["managerA2", "ownerB"] as const) {
      const token = await server.login(user);
      const patch = await server.call("PATCH", `/api/printers/${printer.id}`, {
        token,
        body: { name: "Lậu" },
      });
      expect([patch.status, patch.body.error.code]).toEqual([404, "NOT_FOUND"]);
      expect((await server.call("DELETE", `/api/printers/${printer.id}`, { token })).status).toBe(404);
    }
    const otherTenant = await server.call("GET", `/api/printers?storeId=${b1.id}`, { token: manager });
    expect([otherTenant.status, otherTenant.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const intoB = await server.call("POST", "/api/printers", {
      token: manager,
      body: { ...bar([]), storeId: b1.id },
    });
    expect([intoB.status, intoB.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const managerA2 = await server.login("managerA2");
    const listA2 = await server.call<{ printers: PrinterBody[] }>("GET", `/api/printers?storeId=${a2.id}`, {
      token: managerA2,
    });
    expect(listA2.body.printers).toEqual([]);
    const listed = await server.call<{ printers: PrinterBody[] }>("GET", `/api/printers?storeId=${a1.id}`, {
      token: await server.login("ownerA"),
    });
    expect(listed.body.printers.map((entry) => entry.name)).toEqual(["Bar"]);
  });

  it("refuses what a station could not print to", async () => {
    const manager = await server.login("managerA");
    const { a2 } = server.world.stores;
    for (const body of [
      { ...bar([]), address: "192.168.1.50:9100" },
      { ...bar([]), address: "http://192.168.1.50" },
      { ...bar([]), address: "tcp://192.168.1.50:70000" },
      { ...bar([]), address: "tcp://192.168.1.50:0" },
      { ...bar([]), kind: "label" },
      { ...bar([]), width: 76 },
      { ...bar([]), vietnamese: "utf8" },
      { ...bar([]), name: "" },
      { ...bar([]), categoryIds: ["not-an-id"] },
    ]) {
      const answer = await server.call("POST", "/api/printers", { token: manager, body });
      expect([answer.status, answer.body.error.code], JSON.stringify(body)).toEqual([
        400,
        "VALIDATION_FAILED",
      ]);
    }
    for (const categoryIds of [[a2.categoryIds[0] ?? ""], [newTestId()]]) {
      const answer = await server.call("POST", "/api/printers", { token: manager, body: bar(categoryIds) });
      expect([answer.status, answer.body.error.code]).toEqual([400, "UNKNOWN_CATEGORY"]);
    }
    const printer = (
      await server.call<PrinterBody>("POST", "/api/printers", { token: manager, body: bar([]) })
    ).body;
    const foreign = await server.call("PATCH", `/api/printers/${printer.id}`, {
      token: manager,
      body: { name: "Bar 2", categoryIds: [a2.categoryIds[0]] },
    });
    expect([foreign.status, foreign.body.error.code]).toEqual([400, "UNKNOWN_CATEGORY"]);
    const twin = await server.call("POST", "/api/printers", { token: manager, body: bar([]) });
    expect([twin.status, twin.body.error.code]).toEqual([409, "ALREADY_EXISTS"]);
    const listed = await server.call<{ printers: PrinterBody[] }>("GET", "/api/printers", { token: manager });
    expect(listed.body.printers.map((entry) => [entry.name, entry.categoryIds])).toEqual([["Bar", []]]);
  });

  it("lets a category go, taking it off the printers that made its tickets", async () => {
    const manager = await server.login("managerA");
    const category = await server.call<{ id: string }>("POST", "/api/catalog/categories", {
      token: manager,
      body: { name: "Bánh" },
    });
    const kitchen = await server.call<PrinterBody>("POST", "/api/printers", {
      token: manager,
      body: { ...bar([category.body.id]), name: "Bếp" },
    });
    expect(kitchen.body.categoryIds).toEqual([category.body.id]);
    const removed = await server.call("DELETE", `/api/catalog/categories/${category.body.id}`, {
      token: manager,
    });
    expect(removed.status).toBe(204);
    const catalog = await server.call<SnapshotBody>("GET", "/api/catalog", { token: manager });
    expect(catalog.body.printers.map((printer) => [printer.name, printer.categoryIds])).toEqual([
      ["Bếp", []],
    ]);
  });

  it("reaches the store's stations on their next pull, with the printing settings", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const start = await server.pull(station.deviceToken, 0);
    const startCatalog = start.body.catalog as unknown as SnapshotBody;
    expect(startCatalog.printers).toEqual([]);
    expect(startCatalog.store).toMatchObject({ ticketMaxAgeMinutes: 15, printReceipts: false });
    const idle = await server.pull(station.deviceToken, start.body.cursor);
    expect(idle.body.catalog).toBeNull();

    const manager = await server.login("managerA");
    const printer = await server.call<PrinterBody>("POST", "/api/printers", {
      token: manager,
      body: bar([a1.categoryIds[0] ?? ""]),
    });
    const added = await server.pull(station.deviceToken, idle.body.cursor);
    expect(added.body.cursor).toBeGreaterThan(idle.body.cursor);
    expect((added.body.catalog as unknown as SnapshotBody).printers).toEqual([printer.body]);

    await server.call("PATCH", `/api/printers/${printer.body.id}`, {
      token: manager,
      body: { active: false },
    });
    const paused = await server.pull(station.deviceToken, added.body.cursor);
    expect((paused.body.catalog as unknown as SnapshotBody).printers).toEqual([]);

    const settings = await server.call<OrError<StoreBody>>("PATCH", `/api/stores/${a1.id}`, {
      token: manager,
      body: { ticketMaxAgeMinutes: 30, printReceipts: true },
    });
    expect(settings.body).toMatchObject({ ticketMaxAgeMinutes: 30, printReceipts: true, name: "Cà phê A1" });
    const renamed = await server.call<OrError<StoreBody>>("PATCH", `/api/stores/${a1.id}`, {
      token: manager,
      body: { name: "Cà phê A1 mới" },
    });
    expect(renamed.body).toMatchObject({ ticketMaxAgeMinutes: 30, printReceipts: true });
    const pulled = await server.pull(station.deviceToken, paused.body.cursor);
    expect((pulled.body.catalog as unknown as SnapshotBody).store).toMatchObject({
      ticketMaxAgeMinutes: 30,
      printReceipts: true,
    });
    for (const ticketMaxAgeMinutes of [0, 1441, 2.5]) {
      const answer = await server.call("PATCH", `/api/stores/${a1.id}`, {
        token: manager,
        body: { ticketMaxAgeMinutes },
      });
      expect([answer.status, answer.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    }
  });
});
