import { type Json, login, ok, waitFor } from "./http.mjs";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "./processes.mjs";
import { essence, type OrderView } from "./quay-world.js";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy.mjs";

/** One counter of the shop: its process, its data, its cashier's session. */
export interface Counter {
  process: RunningProcess;
  readonly dataDir: string;
  token: string;
  readonly url: () => string;
}

/**
 * A shop with two counters: a cloud server, the internet (a TCP proxy both counters reach the
 * cloud through, that a test cuts), a hub station, and a spoke station whose `--hub` goes through
 * a second proxy (the LAN), which follows the hub when it restarts on another port.
 */
export class ShopWorld {
  adminToken = "";
  items: { id: string; price: number }[] = [];
  tables: { id: string }[] = [];

  private constructor(
    readonly server: RunningProcess,
    readonly internet: TcpProxy,
    readonly lan: TcpProxy,
    readonly hub: Counter,
    readonly spoke: Counter,
    private readonly serverDir: string,
  ) {}

  static async start(): Promise<ShopWorld> {
    const serverDir = tempDir("server");
    const server = await startServer({ dataDir: serverDir });
    const internet = await startTcpProxy({ targetPort: server.port });
    const hubDir = tempDir("hub");
    const hubProcess = await startStation({ serverUrl: internet.url, dataDir: hubDir });
    const lan = await startTcpProxy({ targetPort: hubProcess.port });
    const spokeDir = tempDir("spoke");
    const spokeProcess = await startStation({ serverUrl: internet.url, dataDir: spokeDir, hub: lan.url });
    const counter = (process: RunningProcess, dataDir: string): Counter => {
      const made: Counter = { process, dataDir, token: "", url: () => made.process.url };
      return made;
    };
    const world = new ShopWorld(
      server,
      internet,
      lan,
      counter(hubProcess, hubDir),
      counter(spokeProcess, spokeDir),
      serverDir,
    );
    world.hub.token = await login(world.hub.url(), "thungan", "1234", "online");
    // The spoke's first login registers it at the cloud, then at the hub with the same login.
    world.spoke.token = await login(world.spoke.url(), "thungan", "1234", "online");
    world.adminToken = await login(server.url, "admin", "admin123");
    const catalog = await ok(world.hub.url(), "GET", "/api/catalog", { token: world.hub.token });
    world.items = catalog.items;
    world.tables = catalog.tables;
    await world.waitForLink(true, 10_000);
    return world;
  }

  async stop(): Promise<void> {
    await this.spoke.process.stop();
    await this.hub.process.stop();
    await this.server.stop();
    await this.internet.close();
    await this.lan.close();
    for (const dir of [this.serverDir, this.hub.dataDir, this.spoke.dataDir]) removeDir(dir);
  }

  /** Starts the hub again on its data (after a stop or a kill -9); the LAN follows it. */
  async restartHub(): Promise<void> {
    this.hub.process = await startStation({ serverUrl: this.internet.url, dataDir: this.hub.dataDir });
    this.lan.retarget(this.hub.process.port);
  }

  /** Starts the spoke again on its data, still the hub's spoke. */
  async restartSpoke(): Promise<void> {
    this.spoke.process = await startStation({
      serverUrl: this.internet.url,
      dataDir: this.spoke.dataDir,
      hub: this.lan.url,
    });
  }

  /** Waits until the spoke's link to the hub is up (registered and reachable) or down. */
  async waitForLink(up: boolean, timeoutMs: number): Promise<void> {
    await waitFor(
      async () => {
        const { hub } = await ok(this.spoke.url(), "GET", "/api/hub", { token: this.spoke.token });
        return hub?.registered === true && hub.reachable === up;
      },
      { timeoutMs, everyMs: 50, what: `the spoke's hub link ${up ? "up" : "down"}` },
    );
  }

  async waitForMode(counter: Counter, mode: "online" | "offline", timeoutMs: number): Promise<void> {
    await waitFor(async () => (await ok(counter.url(), "GET", "/api/status")).mode === mode, {
      timeoutMs,
      everyMs: 50,
      what: `${counter === this.hub ? "the hub" : "the spoke"} ${mode}`,
    });
  }

  /** The counter's order, once `predicate` holds of it. */
  async orderAt(
    counter: Counter,
    orderId: string,
    predicate: (order: OrderView) => boolean,
    timeoutMs: number,
  ) {
    return waitFor(
      async () => {
        const answer = await fetch(`${counter.url()}/api/orders/${orderId}`, {
          headers: { authorization: `Bearer ${counter.token}` },
        });
        const order = answer.ok ? ((await answer.json()) as OrderView) : null;
        return order && predicate(order) ? order : null;
      },
      { timeoutMs, everyMs: 10, what: `order ${orderId} as expected` },
    );
  }

  /** Waits until the counter is online with nothing pending, saying yes to the offer. */
  async syncToTheEnd(counter: Counter, timeoutMs = 30_000): Promise<void> {
    await waitFor(
      async () => {
        const status = await ok(counter.url(), "GET", "/api/status");
        if (status.sync.state === "offered")
          await ok(counter.url(), "POST", "/api/sync", { token: counter.token });
        return status.mode === "online" && status.pending.openOrders + status.pending.paidOrders === 0;
      },
      { timeoutMs, everyMs: 50, what: "the sync to finish" },
    );
  }

  orders(counter: Counter): Promise<OrderView[]> {
    return allOrders(counter.url(), counter.token);
  }

  cloudOrders(): Promise<OrderView[]> {
    return allOrders(this.server.url, this.adminToken);
  }

  cloudSales(): Promise<Json> {
    const day = (offsetDays: number) =>
      new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
    return ok(this.server.url, "GET", `/api/reports/sales?from=${day(-2)}&to=${day(2)}`, {
      token: this.adminToken,
    });
  }
}

async function allOrders(url: string, token: string): Promise<OrderView[]> {
  const byStatus = await Promise.all(
    ["open", "paid", "void"].map(async (status) => {
      const page = await ok(url, "GET", `/api/orders?status=${status}&limit=10000`, { token });
      return page.orders as OrderView[];
    }),
  );
  return byStatus.flat();
}

/**
 * What every shop test ends with, each tier checked: every acknowledged line and payment is at
 * both counters and at the cloud; the cloud holds exactly the counters' orders, each once under
 * its one number and equal at every tier; the cloud's sales report counts each paid order once.
 */
export async function expectShopConverged(
  world: ShopWorld,
  acknowledged: ReadonlyMap<string, OrderView>,
  expect: (condition: boolean, message: string) => void,
): Promise<void> {
  const tiers = {
    hub: await world.orders(world.hub),
    spoke: await world.orders(world.spoke),
    cloud: await world.cloudOrders(),
  };
  const byId = Object.fromEntries(
    Object.entries(tiers).map(([tier, orders]) => [tier, new Map(orders.map((order) => [order.id, order]))]),
  ) as Record<keyof typeof tiers, Map<string, OrderView>>;
  for (const [tier, orders] of Object.entries(byId)) {
    for (const [id, acked] of acknowledged) {
      const held = orders.get(id);
      expect(held !== undefined, `acknowledged order ${acked.number} at the ${tier}`);
      if (!held) continue;
      const lineIds = new Set(held.lines.map((line) => line.id));
      const paymentIds = new Set(held.payments.map((payment) => payment.id));
      for (const line of acked.lines) expect(lineIds.has(line.id), `line of ${acked.number} at the ${tier}`);
      for (const payment of acked.payments)
        expect(paymentIds.has(payment.id), `payment of ${acked.number} at the ${tier}`);
      if (acked.status === "paid") expect(held.status === "paid", `${acked.number} paid at the ${tier}`);
    }
  }
  const cloudIds = [...byId.cloud.keys()].sort();
  for (const tier of ["hub", "spoke"] as const) {
    expect(
      JSON.stringify([...byId[tier].keys()].sort()) === JSON.stringify(cloudIds),
      `the ${tier} holds exactly the cloud's orders`,
    );
    for (const order of tiers[tier]) {
      const onCloud = byId.cloud.get(order.id);
      expect(
        onCloud !== undefined && JSON.stringify(essence(onCloud)) === JSON.stringify(essence(order)),
        `order ${order.number} equal at the ${tier} and the cloud:\n${JSON.stringify(essence(order))}\n${JSON.stringify(onCloud && essence(onCloud))}`,
      );
    }
  }
  const numbers = tiers.cloud.map((order) => order.number);
  expect(new Set(numbers).size === numbers.length, `every invoice number once at the cloud: ${numbers}`);
  const paid = tiers.cloud.filter((order) => order.status === "paid");
  const report = await world.cloudSales();
  const revenue = paid.reduce((sum, order) => sum + order.total, 0);
  expect(
    report.orders === paid.length && report.revenue === revenue,
    `the sales report counts each paid order once: ${JSON.stringify({ report: [report.orders, report.revenue], paid: [paid.length, revenue] })}`,
  );
}
