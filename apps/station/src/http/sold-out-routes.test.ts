import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hubAndSpokeForSuite } from "../hub/hub.test-support.js";
import { type TestStation, waitFor } from "../station.test-support.js";
import { type StationAtFakeCloud, startStationAtFakeCloud } from "../station-at-fake-cloud.test-support.js";
import { FAKE_CATALOG, ITEM_ID, ITEM2_ID } from "../sync/fake-server.test-support.js";

const soldOutOf = (station: TestStation, itemId: string) => station.db.findItem(itemId)?.soldOut;

describe("hết món at a counter", () => {
  let station: StationAtFakeCloud;
  let cashier = "";

  beforeAll(async () => {
    station = await startStationAtFakeCloud();
    cashier = await station.login();
  });
  afterAll(() => station.close());

  it("applies at once to the counter's menu, refuses adding the item, and reaches the cloud", async () => {
    const toggled = await station.call(cashier, "POST", `/api/items/${ITEM_ID}/sold-out`, { soldOut: true });
    expect(toggled).toMatchObject({ status: 200, body: { id: ITEM_ID, soldOut: true } });
    const menu = await station.call(cashier, "GET", "/api/catalog");
    expect(menu.body.items.find((item: { id: string }) => item.id === ITEM_ID)).toMatchObject({
      soldOut: true,
    });

    const order = await station.call(cashier, "POST", "/api/orders", {});
    const refused = await station.call(cashier, "POST", `/api/orders/${order.body.id}/lines`, {
      itemId: ITEM_ID,
      quantity: 1,
    });
    expect([refused.status, refused.body.error.code]).toEqual([409, "ITEM_SOLD_OUT"]);
    expect(refused.body.error.message).toBe("Món này đã hết.");
    const other = await station.call(cashier, "POST", `/api/orders/${order.body.id}/lines`, {
      itemId: ITEM2_ID,
      quantity: 1,
    });
    expect(other.status).toBe(200);

    await waitFor(() => station.cloud.soldOutMarks.length > 0, 3_000, "the toggle at the cloud");
    expect(station.cloud.soldOutMarks[0]).toMatchObject({ itemId: ITEM_ID, soldOut: true });
    expect(station.db.soldOutMarks.owedCount("cloud")).toBe(0);

    await station.call(cashier, "POST", `/api/items/${ITEM_ID}/sold-out`, { soldOut: false });
    const added = await station.call(cashier, "POST", `/api/orders/${order.body.id}/lines`, {
      itemId: ITEM_ID,
      quantity: 1,
    });
    expect(added.status).toBe(200);
  });

  it("keeps a toggle made here over a pulled menu that has not heard of it", async () => {
    await station.call(cashier, "POST", `/api/items/${ITEM2_ID}/sold-out`, { soldOut: true });
    station.db.transaction(() => station.db.replaceCatalog(FAKE_CATALOG));
    expect(station.db.findItem(ITEM2_ID)).toMatchObject({ soldOut: true });
    const later = { soldOut: false, soldOutAt: "2999-01-01T00:00:00.000Z" };
    const items = FAKE_CATALOG.items.map((item) => (item.id === ITEM2_ID ? { ...item, ...later } : item));
    station.db.transaction(() => station.db.replaceCatalog({ ...FAKE_CATALOG, items }));
    expect(station.db.findItem(ITEM2_ID)).toMatchObject(later);
  });

  it("is for those who run the counter, not the waiters; an unknown item is 404", async () => {
    const waiter = await station.login("phucvu", "5678");
    const forbidden = await station.call(waiter, "POST", `/api/items/${ITEM_ID}/sold-out`, { soldOut: true });
    expect([forbidden.status, forbidden.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const unknown = "0190a000-0000-7000-8000-0000000000aa";
    const missing = await station.call(cashier, "POST", `/api/items/${unknown}/sold-out`, { soldOut: true });
    expect(missing.status).toBe(404);
  });
});

/** A spoke and its hub, the spoke's cloud gone: hết món travels through the hub both ways. */
describe("hết món between a spoke and its hub, the cloud out of reach", () => {
  const pair = hubAndSpokeForSuite();
  beforeAll(() =>
    waitFor(
      () => pair.spoke.spokeLink?.registered && pair.spoke.spokeLink.monitor.reachable,
      5_000,
      "registered",
    ),
  );

  it("a toggle at the spoke reaches the hub's menu within a second, and the hub relays it to the cloud", async () => {
    const { cloud, hub, spoke, tokens } = pair;
    const started = Date.now();
    await spoke.call(tokens.spoke, "POST", `/api/items/${ITEM_ID}/sold-out`, { soldOut: true });
    await waitFor(() => soldOutOf(hub, ITEM_ID), 1_000, "sold out at the hub");
    expect(Date.now() - started).toBeLessThan(1_000);
    const order = await hub.call(tokens.hub, "POST", "/api/orders", {});
    const refused = await hub.call(tokens.hub, "POST", `/api/orders/${order.body.id}/lines`, {
      itemId: ITEM_ID,
      quantity: 1,
    });
    expect(refused.body.error.code).toBe("ITEM_SOLD_OUT");
    await waitFor(() => cloud.soldOutMarks.some((mark) => mark.itemId === ITEM_ID), 3_000, "relayed");
  });

  it("a toggle at the hub reaches the spoke's menu within a second", async () => {
    const { hub, spoke, tokens } = pair;
    await hub.call(tokens.hub, "POST", `/api/items/${ITEM_ID}/sold-out`, { soldOut: false });
    await waitFor(() => soldOutOf(spoke, ITEM_ID) === false, 1_000, "on sale again at the spoke");
  });
});
