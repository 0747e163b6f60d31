import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStation, type TestStation, waitFor } from "../station.test-support.js";
import { type FakeServer, ITEM_ID, startFakeServer } from "../sync/fake-server.test-support.js";

describe("GET /api/events", () => {
  let server: FakeServer;
  let station: TestStation;
  let base: string;

  beforeAll(async () => {
    server = await startFakeServer();
    station = await startTestStation(server.url);
    await station.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(station.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await station.close();
    await server.close();
  });

  it("sends the status at once and on change, and every changed order", async () => {
    const events: { event: string; data: Record<string, unknown> }[] = [];
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events`, { signal: controller.signal });
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
    expect(events[0]?.data).toMatchObject({ mode: "offline", sync: { state: "idle" } });

    const token = await station.login();
    await waitFor(
      () => events.some((e) => e.event === "status" && e.data.mode === "online"),
      3_000,
      "online status",
    );
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
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
    controller.abort();
    await reading;
  });
});
