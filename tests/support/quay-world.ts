import { getRandomValues } from "node:crypto";
import { uuidV7Generator } from "@quay/core";
import { OrderService, StationDb } from "@quay/station";
import { afterAll, beforeAll } from "vitest";
import { type Json, login, ok, waitFor } from "./http.mjs";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "./processes.mjs";

import { startTcpProxy, type TcpProxy } from "./tcp-proxy.mjs";

export interface OrderView {
  id: string;
  number: string | null;
  status: "open" | "paid" | "void";
  tableId: string | null;
  lines: { id: string; itemId: string; quantity: number; amount: number; unitPrice: number }[];
  payments: { id: string; method: string; amount: number }[];
  total: number;
  paid: number;
  stationId: string | null;
  receivedAt?: string | null;
}

/** The station's statuses as its event stream (`GET /api/events`) sends them. */
export interface StatusStream {
  /**
   * The first status from now on that matches, tested as each one arrives (so a `.then` on it
   * runs before the station gets much further).
   */
  next(predicate: (status: Json) => boolean, timeoutMs: number, what: string): Promise<Json>;
  close(): void;
}

/**
 * A real server and a real station as separate processes, with a TCP proxy between them:
 * what the cross-process tests drive. Everything lives in temp directories.
 */
export class QuayWorld {
  stationToken = "";
  adminToken = "";
  items: { id: string; price: number }[] = [];

  private constructor(
    public server: RunningProcess,
    public station: RunningProcess,
    readonly proxy: TcpProxy,
    readonly serverDir: string,
    readonly stationDir: string,
  ) {}

  /** Server (demo) + proxy + station, the station logged in online (so provisioned). */
  static async start(): Promise<QuayWorld> {
    const serverDir = tempDir("server");
    const stationDir = tempDir("station");
    const server = await startServer({ dataDir: serverDir });
    const proxy = await startTcpProxy({ targetPort: server.port });
    const station = await startStation({ serverUrl: proxy.url, dataDir: stationDir });
    const world = new QuayWorld(server, station, proxy, serverDir, stationDir);
    world.stationToken = await login(station.url, "thungan", "1234", "online");
    world.adminToken = await login(server.url, "admin", "admin123");
    const catalog = await ok(station.url, "GET", "/api/catalog", { token: world.stationToken });
    world.items = catalog.items;
    await world.waitForStatus((status) => status.mode === "online", 10_000, "station online");
    return world;
  }

  async stop(): Promise<void> {
    await this.station.stop();
    await this.server.stop();
    await this.proxy.close();
    removeDir(this.serverDir);
    removeDir(this.stationDir);
  }

  /** Kills the server (-9) and starts it again on its data; the proxy follows it. */
  async killServer(): Promise<void> {
    await this.server.kill();
  }

  async restartServer(): Promise<void> {
    this.server = await startServer({ dataDir: this.serverDir });
    this.proxy.retarget(this.server.port);
  }

  /** kill -9 the station, then start it again on the same data. */
  async crashStation(): Promise<void> {
    await this.station.kill();
    await this.restartStation();
  }

  async restartStation(): Promise<void> {
    this.station = await startStation({ serverUrl: this.proxy.url, dataDir: this.stationDir });
  }

  status(): Promise<Json> {
    return ok(this.station.url, "GET", "/api/status");
  }

  /** Listens to the station's event stream (as the signed-in cashier) until `close()`. */
  async watchStatus(): Promise<StatusStream> {
    const abort = new AbortController();
    const response = await fetch(`${this.station.url}/api/events`, {
      headers: { authorization: `Bearer ${this.stationToken}` },
      signal: abort.signal,
    });
    if (!response.ok || !response.body) throw new Error(`GET /api/events answered ${response.status}`);
    const body = response.body;
    const seen: Json[] = [];
    let waiters: ((status: Json) => void)[] = [];
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of body) {
          buffer += decoder.decode(chunk, { stream: true });
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const [kind, data] = buffer.slice(0, end).split("\n");
            buffer = buffer.slice(end + 2);
            if (kind !== "event: status" || !data?.startsWith("data: ")) continue;
            const status = JSON.parse(data.slice(6));
            seen.push(status);
            for (const waiter of waiters) waiter(status);
          }
        }
      } catch {
        // closed by us, or the station went away
      }
    })();
    return {
      next(predicate, timeoutMs, what) {
        return new Promise((resolve, reject) => {
          const timer = setTimeout(() => {
            waiters = waiters.filter((waiter) => waiter !== check);
            const last = seen.slice(-5).map((status) => JSON.stringify(status.sync));
            reject(new Error(`no status showed ${what} within ${timeoutMs} ms; last: ${last.join(", ")}`));
          }, timeoutMs);
          const check = (status: Json) => {
            if (!predicate(status)) return;
            clearTimeout(timer);
            waiters = waiters.filter((waiter) => waiter !== check);
            resolve(status);
          };
          waiters.push(check);
        });
      },
      close: () => abort.abort(),
    };
  }

  /** What the stopped (or killed) station's own file says is not yet on the server. */
  pendingInStationFile(): { openOrders: number; paidOrders: number } {
    const db = StationDb.open(this.stationDir);
    try {
      return db.orders.pendingCounts();
    } finally {
      db.close();
    }
  }

  async waitForStatus(predicate: (status: Json) => boolean, timeoutMs: number, what: string): Promise<Json> {
    return waitFor(
      async () => {
        const status = await this.status();
        return predicate(status) ? status : null;
      },
      { timeoutMs, everyMs: 20, what },
    );
  }

  /** Waits until the station is online with nothing pending, saying yes to an offer if needed. */
  async syncToTheEnd(timeoutMs = 30_000): Promise<void> {
    await waitFor(
      async () => {
        const status = await this.status();
        if (status.sync.state === "offered")
          await ok(this.station.url, "POST", "/api/sync", { token: this.stationToken });
        return status.mode === "online" && status.pending.openOrders + status.pending.paidOrders === 0;
      },
      { timeoutMs, everyMs: 50, what: "the sync to finish" },
    );
  }

  stationOrders(): Promise<OrderView[]> {
    return this.allOrders(this.station.url, this.stationToken);
  }

  serverOrders(): Promise<OrderView[]> {
    return this.allOrders(this.server.url, this.adminToken);
  }

  /** The server's sales report over the days around today (wide enough for any time zone). */
  serverSales(): Promise<{
    revenue: number;
    orders: number;
    byMethod: { method: string; amount: number }[];
  }> {
    const day = (offsetDays: number) =>
      new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    return ok(this.server.url, "GET", `/api/reports/sales?from=${day(-2)}&to=${day(2)}`, {
      token: this.adminToken,
    });
  }

  /**
   * Every order of each status, page after page while the answer names a `next` (the server
   * does; a station answers one page of at most 10,000).
   */
  private async allOrders(url: string, token: string): Promise<OrderView[]> {
    const byStatus = await Promise.all(
      ["open", "paid", "void"].map(async (status) => {
        const orders: OrderView[] = [];
        let after: string | null = null;
        do {
          const cursor: string = after === null ? "" : `&after=${encodeURIComponent(after)}`;
          const page = await ok(url, "GET", `/api/orders?status=${status}&limit=10000${cursor}`, { token });
          orders.push(...(page.orders as OrderView[]));
          after = (page.next as string | null | undefined) ?? null;
        } while (after !== null);
        return orders;
      }),
    );
    return byStatus.flat();
  }
}

/**
 * The demo cashier at a station's file, through the station's own order service (no process):
 * how a test writes sales fast, or writes what the station's API would never take.
 */
export function cashierAtFile(dataDir: string) {
  const db = StationDb.open(dataDir);
  const clock = { now: () => Date.now() };
  const newId = uuidV7Generator(clock, (length) => getRandomValues(new Uint8Array(length)));
  const orders = new OrderService({ db, clock, newId, onOrderChanged: () => {} });
  const actor = {
    userId: db.credentials.findByUsername("thungan")?.userId ?? "",
    role: "cashier" as const,
  };
  return { store: db, orders, actor, newId };
}

/**
 * Sells straight into a stopped station's file, through its own order service (fast): `paid`
 * paid orders, then `open` open ones, marked as sold offline as the station marks them.
 */
export function sellOffline(dataDir: string, counts: { paid: number; open: number }): void {
  const { store: db, orders, actor } = cashierAtFile(dataDir);
  const items = db.catalog()?.items.filter((item) => item.active) ?? [];
  const sell = (index: number, pay: boolean) => {
    let order = orders.create(actor, null);
    for (let line = 0; line < 1 + (index % 4); line++) {
      const item = items[(index + line) % items.length];
      order = orders.addLine(actor, order.id, { itemId: item?.id ?? "", quantity: 1 + (line % 3) });
    }
    if (pay) orders.pay(actor, order.id, index % 3 === 0 ? "card" : "cash", order.total);
  };
  try {
    db.transaction(() => {
      for (let index = 0; index < counts.paid; index++) sell(index, true);
      for (let index = 0; index < counts.open; index++) sell(index, false);
    });
    db.settings.set("offlineBacklog", true);
  } finally {
    db.close();
  }
}

/** A sale at the station through its HTTP API; resolves to the last acknowledged order. */
export async function sell(
  world: QuayWorld,
  options: { lines: number; pay: boolean; seed?: number; onAck?: (order: OrderView) => void },
): Promise<OrderView> {
  const url = world.station.url;
  const token = world.stationToken;
  const ack = (order: OrderView) => {
    options.onAck?.(order);
    return order;
  };
  let order: OrderView = ack(await ok(url, "POST", "/api/orders", { token, body: {} }));
  for (let line = 0; line < options.lines; line++) {
    const item = world.items[((options.seed ?? 0) + line) % world.items.length];
    order = ack(
      await ok(url, "POST", `/api/orders/${order.id}/lines`, {
        token,
        body: { itemId: item?.id, quantity: 1 + (line % 3) },
      }),
    );
  }
  if (options.pay && order.total > 0) {
    const half = Math.floor(order.total / 2);
    if (half > 0) {
      order = ack(
        await ok(url, "POST", `/api/orders/${order.id}/payments`, {
          token,
          body: { method: "card", amount: half },
        }),
      );
    }
    order = ack(
      await ok(url, "POST", `/api/orders/${order.id}/payments`, {
        token,
        body: { method: "cash", amount: order.total - order.paid },
      }),
    );
  }
  return order;
}

/**
 * Checks what every cross-process fault test ends with: every acknowledged line and payment
 * survived at the station; the server holds exactly the station's orders, each under its one
 * invoice number and equal on both sides; and the server's sales report counts each paid order
 * once (a sale pushed again after a crash must not be counted again).
 */
export async function expectConverged(
  world: QuayWorld,
  acknowledged: ReadonlyMap<string, OrderView>,
  expect: (condition: boolean, message: string) => void,
): Promise<void> {
  const localList = await world.stationOrders();
  const local = new Map(localList.map((order) => [order.id, order]));
  const remoteList = await world.serverOrders();
  const remote = new Map(remoteList.map((order) => [order.id, order]));
  for (const [id, acked] of acknowledged) {
    const held = local.get(id);
    expect(held !== undefined, `acknowledged order ${acked.number} kept by the station`);
    if (!held) continue;
    const lineIds = new Set(held.lines.map((line) => line.id));
    const paymentIds = new Set(held.payments.map((payment) => payment.id));
    for (const line of acked.lines) expect(lineIds.has(line.id), `line ${line.id} of ${acked.number} kept`);
    for (const payment of acked.payments) {
      expect(paymentIds.has(payment.id), `payment ${payment.id} of ${acked.number} kept`);
    }
    if (acked.status === "paid") expect(held.status === "paid", `${acked.number} still paid`);
  }
  for (const [id, order] of local) {
    const onServer = remote.get(id);
    expect(onServer !== undefined, `order ${order.number} on the server`);
    if (onServer) {
      expect(
        JSON.stringify(essence(onServer)) === JSON.stringify(essence(order)),
        `order ${order.number} equal on both sides:\n${JSON.stringify(essence(order))}\n${JSON.stringify(essence(onServer))}`,
      );
    }
  }
  for (const order of remoteList) {
    expect(local.has(order.id), `order ${order.number} on the server is one the station made`);
  }
  // Numbers are unique across the tenant: a sale stored twice under two ids shows up here.
  const idsByNumber = new Map<string | null, string[]>();
  for (const order of remoteList)
    idsByNumber.set(order.number, [...(idsByNumber.get(order.number) ?? []), order.id]);
  for (const order of local.values()) {
    const ids = idsByNumber.get(order.number) ?? [];
    expect(
      ids.length === 1 && ids[0] === order.id,
      `invoice ${order.number} once on the server, as order ${order.id}: ${JSON.stringify(ids)}`,
    );
  }

  const paid = localList.filter((order) => order.status === "paid");
  const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);
  const byMethod = new Map<string, number>();
  for (const payment of paid.flatMap((order) => order.payments)) {
    byMethod.set(payment.method, (byMethod.get(payment.method) ?? 0) + payment.amount);
  }
  const report = await world.serverSales();
  const sold = { orders: paid.length, revenue: sum(paid.map((order) => order.total)) };
  expect(
    report.orders === sold.orders && report.revenue === sold.revenue,
    `the sales report counts each paid order once: ${JSON.stringify({ report: { orders: report.orders, revenue: report.revenue }, sold })}`,
  );
  const byMethodText = (amounts: Iterable<[string, number]>) =>
    JSON.stringify([...amounts].sort(([a], [b]) => a.localeCompare(b)));
  const reported = byMethodText(report.byMethod.map((entry) => [entry.method, entry.amount]));
  expect(
    reported === byMethodText(byMethod),
    `the sales report's payments by method: ${reported} for ${byMethodText(byMethod)}`,
  );
}

/** The parts of an order both sides must agree on. */
export function essence(order: OrderView) {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    total: order.total,
    paid: order.paid,
    lines: order.lines.map((line) => `${line.id}:${line.itemId}x${line.quantity}=${line.amount}`).sort(),
    payments: order.payments.map((payment) => `${payment.id}:${payment.method}=${payment.amount}`).sort(),
  };
}

/**
 * A world for a whole suite: started before its first test (then `started` runs with it) and
 * stopped after its last.
 */
export function worldForSuite(started: (world: QuayWorld) => void): void {
  let world: QuayWorld | undefined;
  beforeAll(async () => {
    world = await QuayWorld.start();
    started(world);
  }, 60_000);
  afterAll(async () => {
    await world?.stop();
  });
}
