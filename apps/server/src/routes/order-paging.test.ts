import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TEST_START, TestServer } from "../test-support/test-server.test-support.js";

interface ListedOrder {
  id: string;
  status: string;
  openedAt: string | null;
  paidAt: string | null;
}
type Page = OrError<{ orders: ListedOrder[]; next: string | null }>;

const OPEN = 2_000;
const PAID = 500;

describe.each(testEngines())("order listing by pages on $name", (engine) => {
  let server: TestServer;
  let token = "";
  let factory: OpFactory;
  let deviceToken = "";
  const pushed = { open: [] as string[], paid: [] as string[] };

  /** Orders opened (and paid) a few minutes apart, so hundreds share each time. */
  const sell = async (count: number, paid: boolean, at: (index: number) => number) => {
    const sales = Array.from({ length: count }, (_, index) =>
      factory.invoice({ at: new Date(at(index)).toISOString(), lines: paid ? 1 : 0, paid }),
    );
    const answer = await server.push(
      deviceToken,
      sales.flatMap((sale) => sale.ops),
    );
    expect(answer.status).toBe(200);
    return sales.map((sale) => sale.orderId);
  };

  beforeAll(async () => {
    server = await TestServer.start(engine);
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    deviceToken = station.deviceToken;
    factory = new OpFactory(a1, station.stationId);
    const minutesAgo = (index: number) => TEST_START - (1 + (index % 4)) * 60_000;
    pushed.open = await sell(OPEN, false, minutesAgo);
    pushed.paid = await sell(PAID, true, minutesAgo);
    token = await server.login("managerA");
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await engine.dispose();
  });

  const list = (query: string) => server.call<Page>("GET", `/api/orders?${query}`, { token });

  /** Every page from the first, following `next` until it is null. */
  const allPages = async (query: string) => {
    const pages: ListedOrder[][] = [];
    let after: string | null = null;
    do {
      const answer: Awaited<ReturnType<typeof list>> = await list(
        after === null ? query : `${query}&after=${encodeURIComponent(after)}`,
      );
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      pages.push(answer.body.orders);
      after = answer.body.next;
    } while (after !== null && pages.length < 100);
    return pages;
  };

  it("answers 2,500 orders in pages of 1,000, each order once, newest first, and next null at the end", async () => {
    const pages = await allPages("limit=1000");
    expect(pages.map((page) => page.length)).toEqual([1_000, 1_000, 500]);
    const ids = pages.flat().map((order) => order.id);
    expect(new Set(ids).size).toBe(OPEN + PAID);
    expect(new Set(ids)).toEqual(new Set([...pushed.open, ...pushed.paid]));
    // The same order as in one long page: by opening time, newest first, ties by id.
    const whole = await list("limit=10000");
    expect(whole.body.next).toBeNull();
    expect(ids).toEqual(whole.body.orders.map((order) => order.id));
    const times = pages.flat().map((order) => order.openedAt ?? "");
    expect(times).toEqual([...times].sort().reverse());
  });

  it("pages by the default limit of 1,000", async () => {
    const first = await list("status=open");
    expect([first.body.orders.length, typeof first.body.next]).toEqual([1_000, "string"]);
  });

  it("pages paid orders by payment time", async () => {
    const pages = await allPages("status=paid&limit=200");
    expect(pages.map((page) => page.length)).toEqual([200, 200, 100]);
    const orders = pages.flat();
    expect(new Set(orders.map((order) => order.id))).toEqual(new Set(pushed.paid));
    const times = orders.map((order) => order.paidAt ?? "");
    expect(times).toEqual([...times].sort().reverse());
  });

  it("neither repeats nor skips an order when new ones arrive between pages", async () => {
    const first = await list("status=open&limit=1000");
    const arrived = await sell(10, false, () => TEST_START);
    const rest = await allPages(`status=open&limit=1000&after=${encodeURIComponent(first.body.next ?? "")}`);
    const ids = [...first.body.orders, ...rest.flat()].map((order) => order.id);
    expect(ids).toHaveLength(OPEN);
    expect(new Set(ids)).toEqual(new Set(pushed.open));
    // The newcomers are the newest: a listing started now shows them first.
    const fresh = await list("status=open&limit=10");
    expect(new Set(fresh.body.orders.map((order) => order.id))).toEqual(new Set(arrived));
  });

  it("refuses an `after` it did not give out, or one of a listing in another order", async () => {
    const paidCursor = (await list("status=paid&limit=1")).body.next ?? "";
    const forged = Buffer.from(JSON.stringify({ by: "openedAt", at: 5, id: "x" })).toString("base64url");
    for (const after of ["nonsense!", "", Buffer.from("{not json").toString("base64url"), forged]) {
      const answer = await list(`after=${encodeURIComponent(after)}`);
      expect([answer.status, answer.body.error?.code], after).toEqual([400, "VALIDATION_FAILED"]);
    }
    const mixed = await list(`status=open&after=${paidCursor}`);
    expect([mixed.status, mixed.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
    const tooMany = await list("limit=10001");
    expect([tooMany.status, tooMany.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
  });

  it("pages on through orders without a time, listed last", async () => {
    const count = (await list("status=open&limit=10000")).body.orders.length;
    const timeless = pushed.open.slice(0, 7);
    await server.db.query(
      `UPDATE orders SET opened_at = NULL WHERE id IN (${timeless.map((id) => `'${id}'`).join(", ")})`,
    );
    // The first page ends among the orders without a time, so the cursor holds none.
    const pages = await allPages(`status=open&limit=${count - 5}`);
    expect(pages.map((page) => page.length)).toEqual([count - 5, 5]);
    const ids = pages.flat().map((order) => order.id);
    expect(new Set(ids).size).toBe(count);
    expect(ids.slice(-7)).toEqual([...timeless].sort().reverse());
  });
});
