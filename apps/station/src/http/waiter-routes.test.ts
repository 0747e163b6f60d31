import type { AddressInfo } from "node:net";
import type { OrderView } from "@quay/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStation, waitFor } from "../station.test-support.js";
import { type StationAtFakeCloud, startStationAtFakeCloud } from "../station-at-fake-cloud.test-support.js";
import { FAKE_CATALOG, ITEM_ID, ITEM2_ID, TABLE_ID } from "../sync/fake-server.test-support.js";

const PHONE = "192.168.1.42";
const STORE_ID = FAKE_CATALOG.store.id;
const OTHER_STORE = "0190a000-0000-7000-8000-0000000000ee";
const id = (n: number) => `0190c000-0000-7000-8000-${String(n).padStart(12, "0")}`;

/**
 * The waiter's phone on the shop's network, making the cloud's calls at a station exactly as the
 * phone app makes them (`apps/web/src/waiter/api/waiter-api.ts`).
 */
describe("a waiter's phone through a station", () => {
  let station: StationAtFakeCloud;
  let waiter = "";
  let cashier = "";

  const call = async (method: "GET" | "POST", url: string, token: string, payload?: object) => {
    const response = await station.app.inject({
      method,
      url,
      remoteAddress: PHONE,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
    return { status: response.statusCode, body: response.json() };
  };
  const phoneLogin = (username: string, password: string) =>
    station.app.inject({
      method: "POST",
      url: "/api/login",
      remoteAddress: PHONE,
      payload: { username, password },
    });

  beforeAll(async () => {
    station = await startStationAtFakeCloud();
    await station.login(); // the cashier at the counter PC provisions the station
    cashier = (await phoneLogin("thungan", "1234")).json().token;
  });
  afterAll(() => station.close());

  it("logs a phone in with the station's one store, checked by the cloud, and never registers the station", async () => {
    const registered = station.cloud.registrations();
    const answer = await phoneLogin("phucvu", "5678");
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toMatchObject({
      user: { username: "phucvu", role: "waiter" },
      mode: "online",
      network: "shop",
      stores: [{ id: STORE_ID, code: "CH01", name: FAKE_CATALOG.store.name }],
    });
    waiter = answer.json().token;
    expect((await phoneLogin("phucvu", "wrong")).statusCode).toBe(401);
    expect(station.cloud.registrations()).toBe(registered);
  });

  it("checks a phone's login against the cached credentials while the cloud is away", async () => {
    station.cloud.setAvailable(false);
    try {
      await waitFor(() => !station.monitor.reachable, 5_000, "the cloud seen lost");
      const answer = await phoneLogin("phucvu", "5678");
      expect([answer.statusCode, answer.json().mode, answer.json().network]).toEqual([
        200,
        "offline",
        "shop",
      ]);
      expect((await phoneLogin("phucvu", "wrong")).json().error.code).toBe("BAD_CREDENTIALS");
    } finally {
      station.cloud.setAvailable(true);
    }
  });

  it("refuses a phone's login at a station that was never provisioned, without provisioning it", async () => {
    const fresh = await startTestStation(station.cloud.url);
    try {
      const registered = station.cloud.registrations();
      const answer = await fresh.app.inject({
        method: "POST",
        url: "/api/login",
        remoteAddress: PHONE,
        payload: { username: "thungan", password: "1234" },
      });
      expect([answer.statusCode, answer.json().error.code]).toEqual([409, "NOT_PROVISIONED"]);
      expect([fresh.db.isProvisioned(), station.cloud.registrations()]).toEqual([false, registered]);
    } finally {
      await fresh.close();
    }
  });

  it("answers the menu and the table map for the station's store, and refuses another store's", async () => {
    const catalog = await call("GET", `/api/catalog?storeId=${STORE_ID}`, waiter);
    expect(catalog.status).toBe(200);
    expect(catalog.body.store.id).toBe(STORE_ID);
    expect(catalog.body.tables.map((table: { id: string }) => table.id)).toEqual([TABLE_ID]);
    for (const url of [
      `/api/catalog?storeId=${OTHER_STORE}`,
      `/api/floor?storeId=${OTHER_STORE}`,
      `/api/events?storeId=${OTHER_STORE}&token=${waiter}`,
    ]) {
      const refused = await call("GET", url, waiter);
      expect([refused.status, refused.body.error.code], url).toEqual([404, "NOT_FOUND"]);
    }
    const other = await call("POST", "/api/orders", waiter, { storeId: OTHER_STORE, id: id(99) });
    expect([other.status, other.body.error.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("opens under the phone's own ids, once however often retried, and shows who opened it", async () => {
    const open = { storeId: STORE_ID, id: id(1), tableId: TABLE_ID };
    const first = await call("POST", "/api/orders", waiter, open);
    const again = await call("POST", "/api/orders", waiter, open);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    const line = { lineId: id(2), itemId: ITEM_ID, quantity: 2, note: "ít đá" };
    await call("POST", `/api/orders/${id(1)}/lines`, waiter, line);
    const retried = await call("POST", `/api/orders/${id(1)}/lines`, waiter, line);
    expect(retried.body.lines.map((held: OrderView["lines"][number]) => [held.id, held.quantity])).toEqual([
      [id(2), 2],
    ]);
    const floor = await call("GET", `/api/floor?storeId=${STORE_ID}`, waiter);
    expect(floor.body.storeId).toBe(STORE_ID);
    const onMap = floor.body.orders.find((order: { id: string }) => order.id === id(1));
    expect(onMap).toMatchObject({ tableId: TABLE_ID, total: 58_000, openedBy: { name: "Phục vụ" } });
    const moved = await call("POST", `/api/orders/${id(1)}/move`, waiter, { tableId: null });
    expect(moved.body.tableId).toBeNull();
  });

  it("merges for a cashier as the cloud does, never for a waiter, and syncs every op once", async () => {
    await call("POST", "/api/orders", waiter, { storeId: STORE_ID, id: id(3), tableId: TABLE_ID });
    await call("POST", `/api/orders/${id(3)}/lines`, waiter, {
      lineId: id(4),
      itemId: ITEM2_ID,
      quantity: 1,
    });
    const byWaiter = await call("POST", `/api/orders/${id(3)}/merge`, waiter, { intoOrderId: id(1) });
    expect([byWaiter.status, byWaiter.body.error.code]).toEqual([403, "FORBIDDEN"]);
    const merged = await call("POST", `/api/orders/${id(3)}/merge`, cashier, { intoOrderId: id(1) });
    expect(merged.status).toBe(200);
    expect(merged.body.id).toBe(id(1));
    expect(merged.body.total).toBe(58_000 + 35_000);
    const emptied = await call("GET", `/api/orders/${id(3)}`, waiter);
    expect(emptied.body.status).toBe("void");
    const twice = await call("POST", `/api/orders/${id(3)}/merge`, cashier, { intoOrderId: id(1) });
    expect([twice.status, twice.body.error.code]).toEqual([409, "MERGE_REFUSED"]);

    // Sold since the outage above: the cashier says yes to the sync.
    await waitFor(
      async () => {
        await call("POST", "/api/sync", cashier);
        return station.cloud.orderOps(id(3)).some((op) => op.kind === "voidOrder");
      },
      5_000,
      "the merge at the cloud",
    );
    const voids = station.cloud
      .orderOps(id(3))
      .filter((op) => op.kind === "voidLine" || op.kind === "voidOrder");
    for (const op of voids) expect(op.data).toMatchObject({ mergedInto: id(1) });
    const all = [...station.cloud.orderOps(id(1)), ...station.cloud.orderOps(id(3))].map((op) => op.id);
    expect(new Set(all).size).toBe(all.length);
  });

  it("streams the store's orders to a phone that names its token in the query, as EventSource must", async () => {
    await station.app.listen({ host: "127.0.0.1", port: 0 });
    const base = `http://127.0.0.1:${(station.app.server.address() as AddressInfo).port}`;
    expect((await fetch(`${base}/api/events?storeId=${STORE_ID}&token=nonsense`)).status).toBe(401);
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events?storeId=${STORE_ID}&token=${waiter}`, {
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    let received = "";
    const reading = (async () => {
      for await (const chunk of response.body ?? [])
        received += new TextDecoder().decode(chunk as Uint8Array);
    })().catch(() => undefined);
    await call("POST", `/api/orders/${id(1)}/lines`, waiter, { lineId: id(5), itemId: ITEM_ID, quantity: 1 });
    await waitFor(() => received.includes(id(5)), 3_000, "the order event with the new line");
    expect(received).toMatch(/event: order\ndata: \{"id":"[^"]+"/);
    controller.abort();
    await reading;
  });
});
