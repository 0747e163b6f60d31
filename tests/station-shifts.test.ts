import { describe, expect, it } from "vitest";
import { ok } from "./support/http.mjs";
import { type QuayWorld, sell, worldForSuite } from "./support/quay-world.js";
import { random } from "./support/random.mjs";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ShiftJson {
  id: string;
  closedAt: string | null;
  openingCash: number;
  cashSales: number;
  cashOut: number;
  expectedCash: number;
  countedCash: number | null;
  difference: number | null;
  revenue: number;
  orders: number;
  /** The station's report sections (closing, `/api/shift/last`); the server lists the figures alone. */
  details?: unknown;
}

/**
 * A cashier's shift across `kill -9` (docs/sync-protocol.md, "Shifts"): the station is killed as
 * the shift closes, at a random moment; after the restart the shift is closed once, at the
 * counter and on the server, with the same figures.
 */
describe("shifts across crashes (cross-process)", () => {
  let world: QuayWorld;
  worldForSuite((started) => {
    world = started;
  });
  const station = (method: "GET" | "POST", path: string, body?: object) =>
    ok(world.station.url, method, path, { token: world.stationToken, ...(body ? { body } : {}) });
  const serverShifts = async (): Promise<ShiftJson[]> => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const answer = await ok(world.server.url, "GET", `/api/shifts?from=${day(-2)}&to=${day(2)}`, {
      token: world.adminToken,
    });
    return answer.shifts as ShiftJson[];
  };
  const counted = { "500000": 1, "100000": 2, "2000": 3 };

  for (const seed of [3, 17, 99]) {
    it(`closes a shift once when the station is killed during the close (seed ${seed})`, async () => {
      const next = random(seed);
      const opened = (await station("POST", "/api/shift/open", { openingCash: 300_000 })).shift as ShiftJson;
      for (let index = 0; index < 3; index++) await sell(world, { lines: 2, pay: true, seed: seed + index });
      await station("POST", "/api/shift/cash", { amount: 50_000, direction: "out", reason: "nộp ngân hàng" });

      // The close and the kill race: it commits or it does not, never half.
      const closing = station("POST", "/api/shift/close", { counted }).catch(() => null);
      await sleep(next() * 40);
      await world.station.kill();
      await closing;
      await world.restartStation();

      const open = (await station("GET", "/api/shift")).shift as ShiftJson | null;
      if (open !== null) {
        expect(open.id).toBe(opened.id);
        await station("POST", "/api/shift/close", { counted });
      }
      expect((await station("GET", "/api/shift")).shift).toBeNull();
      const closed = (await station("GET", "/api/shift/last")).shift as ShiftJson;
      expect(closed).toMatchObject({ id: opened.id, countedCash: 706_000, cashOut: 50_000, orders: 3 });
      expect(closed.expectedCash).toBe(300_000 + closed.cashSales - 50_000);
      expect(closed.difference).toBe(706_000 - closed.expectedCash);
      // A second close is refused: the shift is closed.
      const again = await fetch(`${world.station.url}/api/shift/close`, {
        method: "POST",
        headers: { authorization: `Bearer ${world.stationToken}`, "content-type": "application/json" },
        body: JSON.stringify({ counted }),
      });
      expect(again.status).toBe(409);

      await world.syncToTheEnd();
      for (;;) {
        const onServer = (await serverShifts()).filter((shift) => shift.id === opened.id);
        if (onServer.length > 0) {
          expect(onServer).toHaveLength(1);
          // The same shift and figures; the report's other sections (`details`) are the counter's own.
          const { details, ...figures } = closed;
          expect(details).toBeDefined();
          expect(onServer[0]).toEqual(figures);
          break;
        }
        await sleep(50);
      }
      // Every shift this suite closed is on the server once.
      const ids = (await serverShifts()).map((shift) => shift.id);
      expect(new Set(ids).size).toBe(ids.length);
    }, 60_000);
  }
});
