import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../station.test-support.js";
import { type StationAtFakeCloud, startStationAtFakeCloud } from "../station-at-fake-cloud.test-support.js";
import { ITEM_ID } from "../sync/fake-server.test-support.js";

describe("GET /api/events", () => {
  let station: StationAtFakeCloud;
  let base: string;

  beforeAll(async () => {
    station = await startStationAtFakeCloud();
    await station.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(station.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => station.close());

  it("is for signed-in screens only, on the station's own host names", async () => {
    const anonymous = await fetch(`${base}/api/events`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("UNAUTHENTICATED");
    const token = await station.login();
    // A DNS-rebinding page: its own name, re-pointed at the station, with the cashier's cookie.
    const rebound = await station.app.inject({
      url: "/api/events",
      headers: { host: "evil.example:3000" },
      cookies: { quay_session: token },
    });
    expect([rebound.statusCode, rebound.json().error.code]).toEqual([403, "FORBIDDEN"]);
    const controller = new AbortController();
    const byCookie = await fetch(`${base}/api/events`, {
      headers: { cookie: `quay_session=${token}` },
      signal: controller.signal,
    });
    expect(byCookie.status).toBe(200);
    expect(byCookie.headers.get("content-type")).toContain("text/event-stream");
    controller.abort();
  });

  it("sends the status at once and on change, and every changed order", async () => {
    const events: { event: string; data: Record<string, unknown> }[] = [];
    const controller = new AbortController();
    const token = await station.login();
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const response = await fetch(`${base}/api/events`, {
      headers: { authorization: headers.authorization },
      signal: controller.signal,
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reading = (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      for await (const chunk of response.body ?? []) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    })().catch(() => undefined);

    await waitFor(() => events.some((e) => e.event === "status"), 2_000, "the first status");
    expect(events[0]?.data).toMatchObject({ sync: { state: "idle" } });
    await waitFor(
      () => events.some((e) => e.event === "status" && e.data.mode === "online"),
      3_000,
      "online status",
    );
    const statuses = () => events.filter((e) => e.event === "status").length;
    const statusesBefore = statuses();
    const order = (await (
      await fetch(`${base}/api/orders`, { method: "POST", headers, body: "{}" })
    ).json()) as {
      id: string;
    };
    await fetch(`${base}/api/orders/${order.id}/lines`, {
      method: "POST",
      headers,
      body: JSON.stringify({ itemId: ITEM_ID, quantity: 1 }),
    });
    await waitFor(
      () =>
        events.some(
          (e) => e.event === "order" && e.data.id === order.id && (e.data.lines as unknown[]).length === 1,
        ),
      2_000,
      "the order event",
    );
    // The new order was pending work for a moment: the status changed, and came down the stream.
    await waitFor(() => statuses() > statusesBefore, 2_000, "a changed status");
    controller.abort();
    await reading;
  });
});
