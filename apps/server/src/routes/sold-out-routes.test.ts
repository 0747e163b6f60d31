import { PROTOCOL_VERSION } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

interface ItemBody {
  id: string;
  soldOut: boolean;
  soldOutAt: string | null;
}
interface CatalogBody {
  items: ItemBody[];
}

describe.each(testEngines())("hết món on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const itemOf = async (token: string, itemId: string) => {
    const { a1 } = server.world.stores;
    const answer = await server.call<CatalogBody>("GET", `/api/catalog?storeId=${a1.id}`, { token });
    return answer.body.items.find((item) => item.id === itemId);
  };

  it("a cashier marks an item sold out: the menu says so, a phone's add is refused, the pull carries it", async () => {
    const { a1 } = server.world.stores;
    const itemId = a1.items[0]?.id ?? "";
    const cashier = await server.login("cashierA");
    const station = await server.registerStation("cashierA", a1);
    const toggled = await server.call<ItemBody>("POST", `/api/items/${itemId}/sold-out`, {
      token: cashier,
      body: { soldOut: true },
    });
    expect(toggled).toMatchObject({ status: 200, body: { id: itemId, soldOut: true } });
    expect(await itemOf(cashier, itemId)).toMatchObject({ soldOut: true });

    const waiter = await server.login("waiterA");
    const opened = await server.call<OrError<{ id: string }>>("POST", "/api/orders", {
      token: waiter,
      body: { tableId: null },
    });
    const refused = await server.call<OrError<unknown>>("POST", `/api/orders/${opened.body.id}/lines`, {
      token: waiter,
      body: { itemId, quantity: 1 },
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: "ITEM_SOLD_OUT" } });

    const pulled = await server.pull(station.deviceToken, 0);
    const pulledItem = (pulled.body as unknown as { catalog: CatalogBody }).catalog.items.find(
      (item) => item.id === itemId,
    );
    expect(pulledItem).toMatchObject({ soldOut: true });

    // A waiter only sees it.
    const forbidden = await server.call("POST", `/api/items/${itemId}/sold-out`, {
      token: waiter,
      body: { soldOut: false },
    });
    expect(forbidden.status).toBe(403);
  });

  it("a station's toggles: the latest by time wins, whatever order they arrive in", async () => {
    const { a1 } = server.world.stores;
    const itemId = a1.items[1]?.id ?? "";
    const station = await server.registerStation("cashierA", a1);
    const userId = server.world.users.cashierA.id;
    const send = (soldOut: boolean, at: string, who = userId) =>
      server.call<OrError<{ cursor: number }>>("POST", "/api/sync/sold-out", {
        token: station.deviceToken,
        body: { protocolVersion: PROTOCOL_VERSION, marks: [{ itemId, soldOut, at, userId: who }] },
      });
    const later = "2026-12-03T10:00:02.000Z";
    expect((await send(true, later)).status).toBe(200);
    const earlier = await send(false, "2026-12-03T10:00:01.000Z"); // arrives second, made first
    expect(earlier.status).toBe(200);
    const owner = await server.login("ownerA");
    expect(await itemOf(owner, itemId)).toMatchObject({ soldOut: true, soldOutAt: later });

    // A waiter may not toggle, so a station may not send a toggle in a waiter's name.
    const byWaiter = await send(false, "2026-12-03T10:00:03.000Z", server.world.users.waiterA.id);
    expect(byWaiter.status).toBe(403);
    expect(await itemOf(owner, itemId)).toMatchObject({ soldOut: true });
  });
});
