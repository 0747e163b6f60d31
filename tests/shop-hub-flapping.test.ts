import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, ok, waitFor } from "./support/http.mjs";
import type { OrderView } from "./support/quay-world.js";
import { random } from "./support/random.mjs";
import { type Counter, expectShopConverged, ShopWorld } from "./support/shop-world.js";
import type { ProxyMode } from "./support/tcp-proxy.mjs";

const SEED = Number(process.env.FLAP_SEED ?? 20261202);
/** How long both links flap while everyone works (the issue asks for a minute). */
const FLAPPING_MS = Number(process.env.FLAP_MS ?? 60_000);
const MODES: readonly ProxyMode[] = ["pass", "pass", "refuse", "reset", "blackhole"];

/**
 * The internet and the hub's LAN link both flap for a minute while the two counters sell and a
 * phone orders at the cloud: every kind of cut (refused, reset, black-holed) at random moments,
 * on each link independently. Afterwards, with both links back, every acknowledged sale is at
 * every tier exactly once, as in the fault suite.
 */
describe("a shop whose internet and hub link flap at once (cross-process)", () => {
  let world: ShopWorld;
  const acknowledged = new Map<string, OrderView>();
  const next = random(SEED);
  const pick = <T>(from: readonly T[]): T => from[Math.floor(next() * from.length)] as T;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    world = await ShopWorld.start();
  }, 90_000);
  afterAll(async () => {
    await world?.stop();
  });

  /** A counter's cashier: sells at its own API, which never waits on a link, and says yes to offers. */
  const cashier = async (counter: Counter, until: number) => {
    let sold = 0;
    while (Date.now() < until) {
      const post = async (path: string, body: object = {}) => {
        const order = (await ok(counter.url(), "POST", path, { token: counter.token, body })) as OrderView;
        acknowledged.set(order.id, order);
        return order;
      };
      let order = await post("/api/orders", { tableId: pick(world.tables).id });
      const lines = 1 + Math.floor(next() * 3);
      for (let line = 0; line < lines; line++)
        order = await post(`/api/orders/${order.id}/lines`, {
          itemId: pick(world.items).id,
          quantity: 1 + line,
        });
      if (next() < 0.8)
        await post(`/api/orders/${order.id}/payments`, { method: "cash", amount: order.total });
      sold++;
      const status = await ok(counter.url(), "GET", "/api/status");
      if (status.sync.state === "offered" && next() < 0.5)
        await call(counter.url(), "POST", "/api/sync", { token: counter.token });
      await sleep(100 + next() * 400);
    }
    return sold;
  };

  /**
   * A waiter's phone on the cloud, through the same internet: each change is kept until the cloud
   * answers it, then retried under the same ids, as the phone app's drafts are.
   */
  const phone = async (until: number) => {
    let token = "";
    let storeId = "";
    const queue: { path: string; body: object }[] = [];
    let sent = 0;
    while (Date.now() < until || (queue.length > 0 && world.internet.mode === "pass")) {
      if (queue.length === 0) {
        const orderId = randomUUID();
        queue.push({ path: "/api/orders", body: { id: orderId, tableId: pick(world.tables).id } });
        queue.push({
          path: `/api/orders/${orderId}/lines`,
          body: { lineId: randomUUID(), itemId: pick(world.items).id, quantity: 1 },
        });
      }
      try {
        if (!token) {
          const session = await ok(world.internet.url, "POST", "/api/login", {
            body: { username: "phucvu", password: "1234" },
            timeoutMs: 2_000,
          });
          token = session.token;
          storeId = session.stores[0].id;
        }
        const change = queue[0] as { path: string; body: object };
        const order = (await ok(world.internet.url, "POST", change.path, {
          token,
          body: change.path === "/api/orders" ? { ...change.body, storeId } : change.body,
          timeoutMs: 2_000,
        })) as OrderView;
        acknowledged.set(order.id, order);
        queue.shift();
        sent++;
      } catch {
        // Cut, reset or black-holed: the draft waits for the next try.
      }
      await sleep(200 + next() * 300);
    }
    return sent;
  };

  /** Flips a link among the cut kinds at random moments until `until`, then leaves it up. */
  const flap = async (link: { setMode(mode: ProxyMode): Promise<void> }, until: number) => {
    let flips = 0;
    while (Date.now() < until) {
      await link.setMode(pick(MODES));
      flips++;
      await sleep(500 + next() * 3_000);
    }
    await link.setMode("pass");
    return flips;
  };

  it("keeps every acknowledged sale exactly once at the hub, the spoke and the cloud", async () => {
    const until = Date.now() + FLAPPING_MS;
    const [hubSold, spokeSold, phoneSent, internetFlips, lanFlips] = await Promise.all([
      cashier(world.hub, until),
      cashier(world.spoke, until),
      phone(until),
      flap(world.internet, until),
      flap(world.lan, until),
    ]);
    expect(hubSold, "the hub's cashier kept selling").toBeGreaterThan(0);
    expect(spokeSold, "the spoke's cashier kept selling").toBeGreaterThan(0);
    expect(phoneSent, "the phone got changes through").toBeGreaterThan(0);
    expect(internetFlips + lanFlips).toBeGreaterThan(2);

    // Both links are up: the cashiers say yes until nothing is pending anywhere.
    await world.waitForLink(true, 15_000);
    await world.syncToTheEnd(world.hub, 60_000);
    await world.syncToTheEnd(world.spoke, 60_000);
    await world.syncToTheEnd(world.hub, 60_000);
    await waitFor(
      async () => {
        const cloud = new Set((await world.cloudOrders()).map((order) => order.id));
        const counters = await Promise.all([world.orders(world.hub), world.orders(world.spoke)]);
        return [...acknowledged.keys()].every(
          (id) => cloud.has(id) && counters.every((orders) => orders.some((order) => order.id === id)),
        );
      },
      { timeoutMs: 30_000, everyMs: 200, what: "every acknowledged order at every tier" },
    );
    await expectShopConverged(world, acknowledged, (condition, message) =>
      expect(condition, message).toBe(true),
    );
  }, 240_000);
});
