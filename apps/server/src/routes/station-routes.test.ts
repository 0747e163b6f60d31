import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { OpFactory } from "../test-support/ops.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

interface StationView {
  id: string;
  code: string;
  lastSeenAt: string | null;
  online: boolean;
  pending: { openOrders: number; paidOrders: number; refused: unknown[] } | null;
}

describe.each(testEngines())("stations in the back office on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const stations = async () => {
    const manager = await server.login("managerA");
    const answer = await server.call<OrError<{ stations: StationView[] }>>("GET", "/api/stations", {
      token: manager,
    });
    expect(answer.status).toBe(200);
    return answer.body.stations;
  };

  it("counts what a station still holds after its push, and shows it offline once it goes quiet", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const factory = new OpFactory(a1, station.stationId);
    const paid = [1, 2, 3].map((hour) =>
      factory.invoice({ at: `2026-11-28T0${hour}:00:00.000Z`, lines: 1, paid: true }),
    );
    const open = factory.invoice({ at: "2026-11-28T02:30:00.000Z", lines: 1 });
    // The station counted 2 open and 5 paid orders unsynced when it sent this push of 1 open
    // and 2 paid: it still holds 1 open and 3 paid.
    server.clock.advance(5_000);
    const push = await server.push(
      station.deviceToken,
      [...open.ops, ...(paid[0]?.ops ?? []), ...(paid[1]?.ops ?? [])],
      {
        pending: { openOrders: 2, paidOrders: 5 },
      },
    );
    expect(push.status).toBe(200);
    expect(await stations()).toEqual([
      expect.objectContaining({
        id: station.stationId,
        code: "Q1",
        lastSeenAt: "2026-11-28T03:00:05.000Z",
        online: true,
        pending: { openOrders: 1, paidOrders: 3, refused: [] },
      }),
    ]);
    // The last push: counts never go below zero.
    await server.push(station.deviceToken, paid[2]?.ops ?? [], { pending: { openOrders: 0, paidOrders: 1 } });
    expect((await stations())[0]?.pending).toEqual({ openOrders: 0, paidOrders: 0, refused: [] });

    server.clock.advance(91_000);
    expect((await stations())[0]).toMatchObject({ online: false, lastSeenAt: "2026-11-28T03:00:05.000Z" });
  });

  it("is not for waiters or cashiers", async () => {
    for (const user of ["waiterA", "cashierA"] as const) {
      const answer = await server.call("GET", "/api/stations", { token: await server.login(user) });
      expect([answer.status, answer.body.error.code]).toEqual([403, "FORBIDDEN"]);
    }
  });
});
