import type { SalesReport } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

interface LineBody {
  id: string;
  name: string;
  unitPrice: number;
  basePrice?: number;
  amount: number;
  note: string | null;
  options?: { name: string; price: number }[];
}
interface OrderBody {
  id: string;
  lines: LineBody[];
  total: number;
}
interface GroupBody {
  id: string;
  options: { id: string; name: string; price: number }[];
}

describe.each(testEngines())("options on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const call = <T>(token: string, method: string, url: string, body?: unknown) =>
    server.call<OrError<T>>(method, url, body === undefined ? { token } : { token, body });

  /** A size (S −5.000, M, L +6.000) and toppings (at most 2) on the store's first item. */
  async function menuWithOptions() {
    const manager = await server.login("managerA");
    const { a1 } = server.world.stores;
    const size = await call<GroupBody>(manager, "POST", "/api/catalog/optionGroups", {
      storeId: a1.id,
      name: "Size",
      minChoices: 1,
      maxChoices: 1,
      options: [
        { name: "S", price: -5_000 },
        { name: "M", price: 0 },
        { name: "L", price: 6_000 },
      ],
    });
    expect(size.status).toBe(201);
    const toppings = await call<GroupBody>(manager, "POST", "/api/catalog/optionGroups", {
      storeId: a1.id,
      name: "Topping",
      minChoices: 0,
      maxChoices: 2,
      options: [
        { name: "Trân châu", price: 5_000 },
        { name: "Thạch", price: 5_000 },
        { name: "Thêm shot", price: 10_000 },
      ],
    });
    const item = a1.items[0];
    if (!item || size.status !== 201 || toppings.status !== 201) throw new Error("no menu");
    const attached = await call<{ optionGroupIds: string[] }>(
      manager,
      "PATCH",
      `/api/catalog/items/${item.id}`,
      {
        optionGroupIds: [size.body.id, toppings.body.id],
      },
    );
    expect(attached.status).toBe(200);
    const option = (group: GroupBody, name: string) => group.options.find((o) => o.name === name)?.id ?? "";
    return { manager, item, size: size.body, toppings: toppings.body, option };
  }

  it("carries the groups, the items' groups and quick notes in the catalog", async () => {
    const { manager, item, size, toppings } = await menuWithOptions();
    const categoryId = server.world.stores.a1.categoryIds[0] ?? "";
    const category = await call<{ noteChips: string[] }>(
      manager,
      "PATCH",
      `/api/catalog/categories/${categoryId}`,
      { noteChips: ["Ít đá", "Không đường"] },
    );
    expect(category.body).toMatchObject({ noteChips: ["Ít đá", "Không đường"] });
    // A patch that names other fields keeps the notes (no default resets them).
    await call(manager, "PATCH", `/api/catalog/categories/${categoryId}`, { sortOrder: 3 });
    const catalog = await call<{
      optionGroups: GroupBody[];
      items: { id: string; optionGroupIds: string[] }[];
      categories: { id: string; noteChips: string[] }[];
    }>(manager, "GET", "/api/catalog");
    if (catalog.status !== 200) throw new Error("catalog");
    expect(catalog.body.optionGroups.map((group) => group.id)).toEqual([size.id, toppings.id]);
    expect(catalog.body.items.find((entry) => entry.id === item.id)?.optionGroupIds).toEqual([
      size.id,
      toppings.id,
    ]);
    expect(catalog.body.categories.find((entry) => entry.id === categoryId)?.noteChips).toEqual([
      "Ít đá",
      "Không đường",
    ]);
    // A group offered with an item stays until the item lets it go.
    expect((await call(manager, "DELETE", `/api/catalog/optionGroups/${size.id}`)).status).toBe(409);
    const missing = await call(manager, "PATCH", `/api/catalog/items/${item.id}`, {
      optionGroupIds: ["01890000-0000-7000-8000-000000000000"],
    });
    expect(missing.status).toBe(404);
  });

  it("adds a line with its options priced in, and checks the choice against the item's groups", async () => {
    const { item, size, toppings, option } = await menuWithOptions();
    const waiter = await server.login("waiterA");
    const opened = await call<OrderBody>(waiter, "POST", "/api/orders", {});
    if (opened.status !== 201) throw new Error("open");
    const lines = `/api/orders/${opened.body.id}/lines`;
    const add = (optionIds?: string[]) =>
      call<OrderBody>(waiter, "POST", lines, {
        itemId: item.id,
        quantity: 2,
        ...(optionIds ? { optionIds } : {}),
      });

    const refusals = [
      await add([option(toppings, "Trân châu")]), // no size
      await add([option(size, "L"), option(size, "M")]),
      await add([
        option(size, "L"),
        option(toppings, "Trân châu"),
        option(toppings, "Thạch"),
        option(toppings, "Thêm shot"),
      ]),
      await add([option(size, "L"), "01890000-0000-7000-8000-000000000000"]),
    ];
    expect(
      refusals.map((answer) => [answer.status, "error" in answer.body ? answer.body.error.code : ""]),
    ).toEqual([
      [400, "OPTION_REQUIRED"],
      [400, "TOO_MANY_OPTIONS"],
      [400, "TOO_MANY_OPTIONS"],
      [400, "OPTION_NOT_FOUND"],
    ]);

    const added = await add([option(toppings, "Thạch"), option(size, "L"), option(toppings, "Trân châu")]);
    if (added.status !== 200) throw new Error(JSON.stringify(added.body));
    const [line] = added.body.lines;
    expect(line).toMatchObject({
      basePrice: item.price,
      unitPrice: item.price + 16_000,
      amount: (item.price + 16_000) * 2,
      options: [
        { name: "L", price: 6_000 },
        { name: "Trân châu", price: 5_000 },
        { name: "Thạch", price: 5_000 },
      ],
    });
    // An add without `optionIds` (an older client) sells the item as before.
    const plain = await add();
    expect(plain.status).toBe(200);

    // Before the kitchen has it, the size and the note change; the price follows.
    const edit = (body: unknown) => call<OrderBody>(waiter, "POST", `${lines}/${line?.id}/edit`, body);
    const edited = await edit({ optionIds: [option(size, "S")], note: "ít đá" });
    if (edited.status !== 200) throw new Error(JSON.stringify(edited.body));
    expect(edited.body.lines[0]).toMatchObject({ unitPrice: item.price - 5_000, note: "ít đá" });
    expect((await edit({ optionIds: [] })).status).toBe(400); // the size is required
    expect((await edit({})).status).toBe(400);
    // Made by the kitchen: the line is sent.
    const { a1 } = server.world.stores;
    const station = await server.registerStation("managerA", a1);
    const factory = new OpFactory(a1, station.stationId, server.world.users.managerA.id);
    const ready = factory.op(opened.body.id, "2026-11-28T03:00:05.000Z", "markReady", {
      lineIds: [line?.id],
    });
    expect((await server.push(station.deviceToken, [ready])).status).toBe(200);
    const late = await edit({ note: "nóng" });
    expect([late.status, "error" in late.body ? late.body.error.code : ""]).toEqual([409, "LINE_SENT"]);
  });

  it("reports the items sold with their options", async () => {
    const { item, size, toppings, option } = await menuWithOptions();
    const cashier = await server.login("cashierA");
    const opened = await call<OrderBody>(cashier, "POST", "/api/orders", {});
    if (opened.status !== 201) throw new Error("open");
    const added = await call<OrderBody>(cashier, "POST", `/api/orders/${opened.body.id}/lines`, {
      itemId: item.id,
      quantity: 1,
      optionIds: [option(size, "L"), option(toppings, "Trân châu")],
    });
    if (added.status !== 200) throw new Error("add");
    const paid = await call(cashier, "POST", `/api/orders/${opened.body.id}/payments`, {
      method: "cash",
      amount: added.body.total,
    });
    expect(paid.status).toBe(200);
    const manager = await server.login("managerA");
    const report = await call<SalesReport>(
      manager,
      "GET",
      "/api/reports/sales?from=2026-11-28&to=2026-11-28",
    );
    if (report.status !== 200) throw new Error("report");
    expect(report.body.byItemOptions).toEqual([
      { itemId: item.id, name: `${item.name} (L, Trân châu)`, quantity: 1, revenue: item.price + 11_000 },
    ]);
    expect(report.body.byItem.find((row) => row.itemId === item.id)?.revenue).toBe(item.price + 11_000);
  });
});
