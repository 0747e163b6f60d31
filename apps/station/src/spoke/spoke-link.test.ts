import { describe, expect, it } from "vitest";
import { hubAndSpokeForSuite } from "../hub/hub.test-support.js";
import { type TestStation, waitFor } from "../station.test-support.js";

/** A spoke and its hub in one process, the spoke's cloud gone: the counters share orders through the hub. */
describe("a counter as a spoke of its shop's hub", () => {
  const pair = hubAndSpokeForSuite();

  const call = async (
    station: TestStation,
    token: string,
    method: "GET" | "POST",
    url: string,
    payload?: object,
  ) => {
    const answer = await station.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload }),
    });
    return answer.json() as { id: string; status: string; total: number; lines: unknown[]; hub?: unknown };
  };

  it("registers at the hub with the cashier's login, and shares orders both ways", async () => {
    const { hub, spoke, tokens } = pair;
    await waitFor(
      async () => {
        const { hub: link } = (await call(spoke, tokens.spoke, "GET", "/api/hub")) as {
          hub: { registered: boolean; reachable: boolean };
        };
        return link.registered && link.reachable;
      },
      5_000,
      "the spoke registered at a reachable hub",
    );

    const item = hub.db.catalog()?.items[0]?.id;
    const opened = await call(hub, tokens.hub, "POST", "/api/orders", {});
    await waitFor(() => spoke.db.orders.getOrder(opened.id), 10_000, "the hub's order at the spoke");

    const withLine = await call(spoke, tokens.spoke, "POST", `/api/orders/${opened.id}/lines`, {
      itemId: item,
      quantity: 3,
    });
    await call(spoke, tokens.spoke, "POST", `/api/orders/${opened.id}/payments`, {
      method: "cash",
      amount: withLine.total,
    });
    const atHub = await waitFor(
      () => (hub.db.orders.getOrder(opened.id)?.status === "paid" ? hub.db.orders.getOrder(opened.id) : null),
      10_000,
      "the spoke's payment at the hub",
    );
    expect(atHub?.total).toBe(withLine.total);
    // The hub holds what the spoke made; the spoke owes it nothing, and pushes no other device's op to the cloud.
    await waitFor(() => spoke.db.hubLog.owedCount() === 0, 2_000, "nothing owed to the hub");
    const foreignUnsynced = spoke.db.db
      .prepare("SELECT count(*) AS n FROM ops JOIN unsynced_ops USING (seq) WHERE device_id <> ?")
      .get(spoke.db.identity()?.stationId) as { n: number };
    expect(foreignUnsynced.n).toBe(0);
  });
});
