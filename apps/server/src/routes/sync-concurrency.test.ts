import type { Op } from "@quay/core";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId, OpFactory } from "../test-support/ops.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";

describe.each(testEngines())("concurrent sync on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  it("merges concurrent pushes to one order, and a puller never skips an op", async () => {
    const { a1 } = server.world.stores;
    const watcher = await server.registerStation("cashierA", a1, "Quầy theo dõi");
    const stations = [];
    for (let index = 0; index < 6; index++) {
      stations.push(await server.registerStation("managerA", a1, `Quầy ${index}`));
    }
    const first = stations[0];
    if (!first) throw new Error("no station");
    const firstFactory = new OpFactory(a1, first.stationId);
    const shared = firstFactory.invoice({ at: "2026-11-28T02:00:00.000Z", lines: 1 });
    await server.push(first.deviceToken, shared.ops);
    const { cursor: start } = (await server.pull(watcher.deviceToken, 0)).body;

    // Every station adds lines to the shared order and pushes invoices of its own, all at once,
    // while the watcher keeps pulling.
    const pushedIds = new Set<string>(shared.ops.map((op) => op.id));
    const pushes = stations.flatMap((station, index) => {
      // One counter per station, as at a real one: its invoice numbers never repeat.
      const factory = station === first ? firstFactory : new OpFactory(a1, station.stationId);
      return Array.from({ length: 5 }, (_, round) => {
        const line = factory.op(shared.orderId, `2026-11-28T02:${10 + round}:0${index}.000Z`, "addLine", {
          lineId: newTestId(),
          itemId: a1.items[0]?.id,
          name: "Cà phê sữa đá",
          unitPrice: 29_000,
          vatRate: 8,
          quantity: 1,
          note: null,
        });
        const own = factory.invoice({ at: `2026-11-28T02:${20 + round}:0${index}.000Z`, paid: true });
        const ops = [line, ...own.ops];
        for (const op of ops) pushedIds.add(op.id);
        return ops;
      }).map((ops) => () => server.push(station.deviceToken, ops));
    });
    const seen = new Set<string>();
    let cursor = start;
    let pushing = true;
    const puller = (async () => {
      while (pushing) {
        const page = await server.pull(watcher.deviceToken, cursor, 7);
        for (const op of page.body.ops) {
          expect(seen.has(op.id), `op ${op.id} pulled twice`).toBe(false);
          seen.add(op.id);
        }
        cursor = page.body.cursor;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const answers = await Promise.all(pushes.map((push) => push()));
    pushing = false;
    await puller;
    expect(answers.filter((answer) => answer.status !== 200).map((answer) => answer.body)).toEqual([]);
    for (;;) {
      const page = await server.pull(watcher.deviceToken, cursor, 50);
      for (const op of page.body.ops) {
        expect(seen.has(op.id), `op ${op.id} pulled twice`).toBe(false);
        seen.add(op.id);
      }
      cursor = page.body.cursor;
      if (!page.body.more) break;
    }
    const expected = [...pushedIds].filter((id) => !shared.ops.some((op) => op.id === id));
    expect(seen.size).toBe(expected.length);
    for (const id of expected) expect(seen.has(id)).toBe(true);

    const owner = await server.login("ownerA");
    const order = await server.call<{ lines: unknown[] }>("GET", `/api/orders/${shared.orderId}`, {
      token: owner,
    });
    expect(order.body.lines).toHaveLength(1 + stations.length * 5);
    const report = await server.call<{ orders: number }>(
      "GET",
      "/api/reports/sales?from=2026-11-28&to=2026-11-28",
      {
        token: owner,
      },
    );
    expect(report.body.orders).toBe(stations.length * 5);
  });

  it("refuses one push among many sent at once, and holds every other one", async () => {
    // On SQLite the pushes that reach the writer thread together share a commit: a refusal
    // among them must undo its own push only.
    const { a1 } = server.world.stores;
    const stations: Awaited<ReturnType<TestServer["registerStation"]>>[] = [];
    for (let index = 0; index < 4; index++) {
      stations.push(await server.registerStation("managerA", a1, `Quầy ${index}`));
    }
    const factories = stations.map((station) => new OpFactory(a1, station.stationId));
    const [first] = factories;
    if (!first || !stations[0]) throw new Error("no station");
    const earlier = first.invoice({ at: "2026-11-28T03:00:00.000Z", paid: true });
    expect((await server.push(stations[0].deviceToken, earlier.ops)).status).toBe(200);
    const opsBefore = await server.count("ops");

    const line = earlier.ops[1] as Op & { data: { quantity: number } };
    const changed = { ...line, data: { ...line.data, quantity: 9 } } as Op;
    const refusedSale = first.invoice({ at: "2026-11-28T03:10:00.000Z", paid: true });
    const sales = factories.flatMap((factory, index) =>
      Array.from({ length: 3 }, (_, round) =>
        factory.invoice({ at: `2026-11-28T03:2${round}:0${index}.000Z`, paid: true, lines: 3 }),
      ).map((sale) => ({ station: stations[index], ops: sale.ops })),
    );
    const refused = { station: stations[0], ops: [...refusedSale.ops, changed] };
    const pushes = [...sales.slice(0, 5), refused, ...sales.slice(5)];
    const answers = await Promise.all(
      pushes.map((push) => (push.station ? server.push(push.station.deviceToken, push.ops) : null)),
    );

    const refusedAnswer = answers[pushes.indexOf(refused)];
    expect(refusedAnswer?.body).toMatchObject({ error: { code: "OP_CONFLICT", opId: changed.id } });
    const others = answers.filter((answer) => answer !== refusedAnswer);
    expect(others.map((answer) => answer?.status)).toEqual(others.map(() => 200));
    const held = sales.reduce((sum, sale) => sum + sale.ops.length, 0);
    expect(await server.count("ops")).toBe(opsBefore + held);
    const owner = await server.login("ownerA");
    const order = await server.call("GET", `/api/orders/${refusedSale.orderId}`, { token: owner });
    expect(order.status).toBe(404);
    const report = await server.call<{ orders: number }>(
      "GET",
      "/api/reports/sales?from=2026-11-28&to=2026-11-28",
      { token: owner },
    );
    expect(report.body.orders).toBe(1 + sales.length);
  });
});
