import type { Order } from "@quay/core";
import type { StationStatus } from "@quay/protocol";
import { afterEach, beforeEach, expect, it } from "vitest";
import { startTestStation, type TestStation, waitFor } from "../station.test-support.js";
import { type FakeServer, ITEM_ID, startFakeServer } from "./fake-server.test-support.js";

let server: FakeServer;
let station: TestStation;
let token: string;

const status = async () => (await station.call(token, "GET", "/api/status")).body as StationStatus;
const untilStatus = (check: (current: StationStatus) => boolean, what: string) =>
  waitFor(async () => check(await status()), 10_000, what);

/** A paid sale of one line; its id. */
async function paidSale(): Promise<string> {
  const order = (await station.call(token, "POST", "/api/orders", {})).body as Order;
  const line = await station.call(token, "POST", `/api/orders/${order.id}/lines`, {
    itemId: ITEM_ID,
    quantity: 1,
  });
  const total = (line.body as Order).total;
  await station.call(token, "POST", `/api/orders/${order.id}/payments`, { method: "cash", amount: total });
  return order.id;
}

beforeEach(async () => {
  server = await startFakeServer();
  station = await startTestStation(server.url, { sync: { paidBatchOrders: 2, pushesInFlight: 2 } });
  token = await station.login();
  await untilStatus((current) => current.mode === "online", "online");
});
afterEach(async () => {
  await station.close();
  await server.close();
});

it("sends a paid batch again when it overtook the one before it, and stores the backlog oldest first", async () => {
  server.setAvailable(false);
  await untilStatus((current) => current.mode === "offline", "offline");
  const paid: string[] = [];
  for (let index = 0; index < 6; index++) paid.push(await paidSale());
  const before = server.pushes.length;

  // The first paid push stalls on its way until the second, which follows it, has been refused.
  let release = () => {};
  const stalled = new Promise<void>((resolve) => {
    release = resolve;
  });
  let first: number | undefined;
  server.holdPushes((index) => {
    first ??= index;
    if (index === first) return stalled;
    if (index === first + 1) setTimeout(release, 50);
    return undefined;
  });
  server.setAvailable(true);
  await untilStatus((current) => current.sync.state === "offered", "the offer");
  expect((await station.call(token, "POST", "/api/sync")).status).toBe(202);
  await untilStatus(
    (current) => current.mode === "online" && current.pending.paidOrders === 0,
    "online with the backlog synced",
  );

  // The one that overtook, and the one sent meanwhile after it: each refused once, then stored.
  expect(server.outOfOrder()).toBeGreaterThanOrEqual(1);
  expect(server.outOfOrder()).toBeLessThanOrEqual(2);
  const arrival = paid.map((id) => server.receivedAt.get(id) ?? 0);
  expect(arrival).toEqual([...arrival].sort((a, b) => a - b));
  expect(server.pushes.slice(before).map((push) => push.orders)).toEqual([2, 2, 2]);
  for (const id of paid) expect(server.orderOps(id), `ops of ${id}`).toHaveLength(4);
});
