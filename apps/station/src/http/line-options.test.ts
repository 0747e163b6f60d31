import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStation, type TestStation } from "../station.test-support.js";
import {
  FAKE_CATALOG,
  type FakeServer,
  ITEM_ID,
  ITEM2_ID,
  startFakeServer,
} from "../sync/fake-server.test-support.js";

const id = (n: number) => `0190e000-0000-7000-8000-${String(n).padStart(12, "0")}`;
const [SIZE, TOPPING, M, L, PEARLS, JELLY, CHEESE] = [1, 2, 3, 4, 5, 6, 7].map(id);

/** Options at the counter: the same checks as in the cloud, against the cached catalog. */
describe("options at the station", () => {
  let server: FakeServer;
  let station: TestStation;
  let cashier = "";

  beforeAll(async () => {
    server = await startFakeServer();
    server.setCatalog({
      ...FAKE_CATALOG,
      optionGroups: [
        group(SIZE, "Size", [1, 1], 1, [
          [M, "M", 0],
          [L, "L", 6_000],
        ]),
        group(TOPPING, "Topping", [0, 2], 2, [
          [PEARLS, "Trân châu", 5_000],
          [JELLY, "Thạch", 5_000],
          [CHEESE, "Kem cheese", 10_000],
        ]),
      ],
      items: FAKE_CATALOG.items.map((item) =>
        item.id === ITEM_ID ? { ...item, optionGroupIds: [SIZE ?? "", TOPPING ?? ""] } : item,
      ),
    });
    station = await startTestStation(server.url);
    cashier = await station.login();
  });
  afterAll(async () => {
    await station.close();
    await server.close();
  });

  it("adds a line with size L and two toppings, refuses a wrong choice, edits before it is sent", async () => {
    const opened = (await station.call(cashier, "POST", "/api/orders", { tableId: null })).body;
    const lines = `/api/orders/${opened.id}/lines`;
    const add = (optionIds: (string | undefined)[], itemId = ITEM_ID) =>
      station.call(cashier, "POST", lines, { itemId, quantity: 2, optionIds });
    const codes = async (optionIds: (string | undefined)[], itemId = ITEM_ID) => {
      const answer = await add(optionIds, itemId);
      return [answer.status, answer.body.error?.code];
    };
    expect(await codes([PEARLS])).toEqual([400, "OPTION_REQUIRED"]);
    expect(await codes([L, PEARLS, JELLY, CHEESE])).toEqual([400, "TOO_MANY_OPTIONS"]);
    expect(await codes([L], ITEM2_ID)).toEqual([400, "OPTION_NOT_FOUND"]);

    const added = await add([L, PEARLS, JELLY]);
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const line = added.body.lines[0];
    expect(line).toMatchObject({ basePrice: 29_000, unitPrice: 45_000, amount: 90_000 });
    expect(line.options.map((option: { name: string }) => option.name)).toEqual(["L", "Trân châu", "Thạch"]);

    const edited = await station.call(cashier, "POST", `${lines}/${line.id}/edit`, {
      optionIds: [M],
      note: "ít đá",
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.lines[0]).toMatchObject({ unitPrice: 29_000, amount: 58_000, note: "ít đá" });
    expect(edited.body.lines[0].options.map((option: { name: string }) => option.name)).toEqual(["M"]);

    // Once the kitchen made it, it is sent: no more edits.
    const ready = await station.call(cashier, "POST", "/api/kitchen/ready", {
      orderId: opened.id,
      lineIds: [line.id],
    });
    expect(ready.status, JSON.stringify(ready.body)).toBe(200);
    const late = await station.call(cashier, "POST", `${lines}/${line.id}/edit`, { note: "nóng" });
    expect([late.status, late.body.error?.code]).toEqual([409, "LINE_SENT"]);
  });
});

/** An option group of the fake catalog: its choices' bounds and its options as [id, name, price]. */
function group(
  id: string | undefined,
  name: string,
  [minChoices, maxChoices]: [number, number],
  sortOrder: number,
  options: [string | undefined, string, number][],
) {
  return {
    id: id ?? "",
    name,
    minChoices,
    maxChoices,
    sortOrder,
    options: options.map(([optionId, optionName, price]) => ({
      id: optionId ?? "",
      name: optionName,
      price: price as never,
      active: true,
    })),
  };
}
