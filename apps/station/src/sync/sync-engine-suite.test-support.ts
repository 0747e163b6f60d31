import type { Order } from "@quay/core";
import type { StationStatus } from "@quay/protocol";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestStation, type TestStation, waitFor } from "../station.test-support.js";

/** An op as a server holds it, enough to count and tell apart. */
export interface HeldOp {
  readonly id: string;
  readonly kind: string;
}

/** A server the station syncs with, as the suite drives and inspects it. */
export interface SyncBackend {
  /** Where the station finds it. */
  readonly url: string;
  /** A cashier of the store the station binds to. */
  readonly cashier: { readonly username: string; readonly password: string };
  /** An item on that store's menu. */
  readonly itemId: string;
  /** The link: `up`, `down` (every connection reset), or `silent` (nothing ever answers). */
  setLink(link: "up" | "down" | "silent"): Promise<void>;
  /** The ops the server holds for an order, in the order it stored them. */
  orderOps(orderId: string): Promise<HeldOp[]>;
  /** Each push the server stored: how many ops and orders it carried. */
  readonly pushes: readonly { readonly ops: number; readonly orders: number }[];
  /** A number that rises with the moment each order's first op reached the server. */
  arrivalOf(orderId: string): number | undefined;
  /** A waiter adds a line of `itemId` to the order, on a phone (another device). */
  phoneAddsLine(orderId: string, itemId: string): Promise<void>;
  close(): Promise<void>;
}

export interface BackendFactory {
  start(): Promise<SyncBackend>;
  /** After the whole suite. */
  dispose?(): Promise<void>;
}

/** Waits as long as a slow shared machine may need; the timing itself is tested on fake timers. */
const until = <T>(check: () => T | Promise<T>, what: string) => waitFor(check, 10_000, what);

/**
 * The sync engine's behaviour end to end, a station in process against `backend`: online
 * pushes, the loss of the server, the offer, the order of push, phone merges, resuming, autoSync.
 * Run against the fake server (apps/station) and the real one (tests/).
 */
export function describeSyncEngine(name: string, backends: BackendFactory): void {
  describe(`sync engine (against ${name})`, () => {
    let server: SyncBackend;
    let station: TestStation;
    let token: string;

    const call = async (method: "GET" | "POST", url: string, payload?: object) => {
      const response = await station.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload ? { payload } : {}),
      });
      return { status: response.statusCode, body: response.json() as Record<string, unknown> };
    };
    const status = async () => (await call("GET", "/api/status")).body as unknown as StationStatus;
    const sale = async (pay: boolean) => {
      const order = (await call("POST", "/api/orders", {})).body as unknown as Order;
      const withLine = (
        await call("POST", `/api/orders/${order.id}/lines`, { itemId: server.itemId, quantity: 2 })
      ).body as unknown as Order;
      if (pay)
        await call("POST", `/api/orders/${order.id}/payments`, { method: "cash", amount: withLine.total });
      return order.id;
    };
    const login = (mode: "online" | "offline" = "online") =>
      station.login(server.cashier.username, server.cashier.password, mode);
    const untilStatus = (check: (current: StationStatus) => boolean, what: string) =>
      until(async () => {
        const current = await status();
        return check(current) ? current : null;
      }, what);
    const goOffline = async () => {
      await server.setLink("down");
      await untilStatus((current) => current.mode === "offline", "offline");
    };
    /** Brings the server back, waits for the offer and says yes; resolves once online again. */
    const acceptTheOffer = async () => {
      await server.setLink("up");
      const offered = await untilStatus((current) => current.sync.state === "offered", "offered");
      expect((await call("POST", "/api/sync")).status).toBe(202);
      await untilStatus((current) => current.mode === "online", "online after the sync");
      return offered;
    };
    const opCount = async (orderId: string) => (await server.orderOps(orderId)).length;

    beforeEach(async () => {
      server = await backends.start();
      station = await startTestStation(server.url, { sync: { paidBatchOrders: 2 } });
      token = await login();
      await untilStatus((current) => current.mode === "online", "online");
    });
    afterEach(async () => {
      await station.close();
      await server.close();
    });
    afterAll(async () => {
      await backends.dispose?.();
    });

    it("pushes an online sale by itself", async () => {
      const orderId = await sale(true);
      await until(async () => (await opCount(orderId)) === 4, "the sale on the server");
      await untilStatus((current) => current.pending.paidOrders === 0, "nothing pending");
      expect(await opCount(orderId)).toBe(station.db.orders.opsOf(orderId).length);
    });

    it("goes offline by itself, offers the sync on return, then pushes open orders before the paid backlog", async () => {
      await goOffline();
      expect((await status()).serverReachable).toBe(false);
      const paid = [await sale(true), await sale(true), await sale(true), await sale(true), await sale(true)];
      const open = [await sale(false), await sale(false)];
      expect((await status()).pending).toEqual({ openOrders: 2, paidOrders: 5 });
      const refused = await call("POST", "/api/sync");
      expect([refused.status, (refused.body.error as { code: string }).code]).toEqual([
        409,
        "SERVER_UNREACHABLE",
      ]);

      const offered = await acceptTheOffer();
      expect(offered).toMatchObject({
        mode: "offline",
        serverReachable: true,
        pending: { openOrders: 2, paidOrders: 5 },
      });
      expect(await status()).toMatchObject({
        mode: "online",
        pending: { openOrders: 0, paidOrders: 0 },
        sync: { state: "idle", phase: null },
      });
      const arrival = (id: string) => server.arrivalOf(id) ?? Number.POSITIVE_INFINITY;
      expect(Math.max(...open.map(arrival))).toBeLessThan(Math.min(...paid.map(arrival)));
      expect(server.pushes[0]).toEqual({ ops: 4, orders: 2 });
      expect(server.pushes.slice(1, 4).map((push) => push.orders)).toEqual([2, 2, 1]);
      for (const id of [...paid, ...open]) {
        expect(await opCount(id)).toBe(station.db.orders.opsOf(id).length);
      }
    });

    it("shows a phone's order and merges both sides' lines on one order", async () => {
      const orderId = await sale(false);
      await until(async () => (await opCount(orderId)) === 2, "the order on the server");
      await server.phoneAddsLine(orderId, server.itemId);
      await until(() => station.db.orders.getOrder(orderId)?.lines.length === 2, "the phone's line");

      await goOffline();
      await call("POST", `/api/orders/${orderId}/lines`, { itemId: server.itemId, quantity: 3 });
      await acceptTheOffer();
      expect(station.db.orders.getOrder(orderId)?.lines).toHaveLength(3);
      const lines = (await server.orderOps(orderId)).filter((op) => op.kind === "addLine");
      expect(new Set(lines.map((op) => op.id)).size).toBe(3);
    });

    it("still pulls what phones do while the offer waits, and pushes nothing before the yes", async () => {
      const orderId = await sale(false);
      await until(async () => (await opCount(orderId)) === 2, "the order on the server");
      await goOffline();
      const offlineSale = await sale(true);
      await server.setLink("up");
      await untilStatus((current) => current.sync.state === "offered", "offered");

      // The cashier said "Để sau" (nothing is sent); a waiter adds an item on a phone meanwhile.
      await server.phoneAddsLine(orderId, server.itemId);
      await until(() => station.db.orders.getOrder(orderId)?.lines.length === 2, "the phone's line");
      expect((await status()).sync.state).toBe("offered");
      expect(await opCount(offlineSale)).toBe(0);

      expect((await call("POST", "/api/sync")).status).toBe(202);
      await untilStatus((current) => current.mode === "online", "online after the yes");
      expect(await opCount(offlineSale)).toBe(4);
    });

    it("pushes the paid backlog oldest first, in batches", async () => {
      await goOffline();
      const paid: string[] = [];
      for (let index = 0; index < 7; index++) paid.push(await sale(true));
      await acceptTheOffer();
      const arrival = paid.map((id) => server.arrivalOf(id) ?? 0);
      expect(arrival).toEqual([...arrival].sort((a, b) => a - b));
      expect(server.pushes.map((push) => push.orders)).toEqual([2, 2, 2, 1]);
    });

    it("resumes an approved sync after a restart, without asking again", async () => {
      await goOffline();
      const orderId = await sale(true);
      station.db.settings.set("syncConsent", true);
      const dataDir = station.dataDir;
      await station.close(true);
      station = await startTestStation(server.url, { dataDir });
      token = await login("offline");
      await server.setLink("up");
      await untilStatus((current) => current.mode === "online", "online");
      expect(await opCount(orderId)).toBe(4);
      expect(station.db.settings.get("syncConsent")).toBe(false);
    });

    it("pushes changes made online but cut off by a lost link on return, without asking", async () => {
      await server.setLink("silent"); // noticed only after timeouts: the sale is made online
      const orderId = await sale(true);
      expect((await status()).mode).toBe("online");
      await untilStatus((current) => current.mode === "offline", "offline");
      expect((await status()).pending.paidOrders).toBe(1);
      const states: string[] = [];
      await server.setLink("up");
      await untilStatus((current) => {
        states.push(current.sync.state);
        return current.mode === "online";
      }, "online");
      expect(states).not.toContain("offered");
      expect(await opCount(orderId)).toBe(4);
    });

    it("syncs by itself on return when the store says so", async () => {
      station.db.settings.set("autoSync", true);
      await goOffline();
      const orderId = await sale(true);
      await server.setLink("up");
      await untilStatus((current) => current.mode === "online", "online");
      expect(await opCount(orderId)).toBe(4);
    });
  });
}
