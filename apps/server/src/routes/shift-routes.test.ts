import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId, OpFactory } from "../test-support/ops.test-support.js";
import { TEST_START, TestServer } from "../test-support/test-server.test-support.js";

const at = (minutes: number) => new Date(TEST_START + minutes * 60_000).toISOString();
const DAY = "2026-11-28"; // TEST_START's day in Hồ Chí Minh City

/** Shift ops the way a counter writes them. */
function shiftOps(deviceId: string, userId: string, storeId: string, shiftId = newTestId()) {
  let seq = 0;
  const envelope = (minutes: number) => ({
    id: newTestId(),
    shiftId,
    deviceId,
    deviceSeq: ++seq,
    at: at(minutes),
    userId,
  });
  const figures = {
    cashSales: 58_000,
    cashRefunds: 0,
    revenue: 93_000,
    orders: 2,
    byMethod: Object.entries({ cash: 58_000, transfer: 35_000 }).map(([method, amount]) => ({
      method,
      amount,
    })),
  };
  return {
    shiftId,
    open: { ...envelope(1), kind: "shiftOpen", data: { openingCash: 500_000, storeId } },
    cashOut: {
      ...envelope(2),
      kind: "shiftCash",
      data: { amount: 200_000, direction: "out", reason: "nộp ngân hàng" },
    },
    close: {
      ...envelope(3),
      kind: "shiftClose",
      data: { counted: { "200000": 1, "100000": 1, "50000": 1, "5000": 1 }, figures },
    },
  };
}

describe.each(testEngines())("shifts on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const shiftsOf = async (token: string, query = `from=${DAY}&to=${DAY}`) =>
    server.call<{ shifts: Record<string, unknown>[] }>("GET", `/api/shifts?${query}`, { token });

  it("stores a counter's shift once however often it is pushed, and lists it as it closed", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const shift = shiftOps(station.stationId, server.world.users.cashierA.id, a1.id);
    const sale = new OpFactory(a1, station.stationId).invoice({ at: at(2), paid: true }).ops;
    const first = await server.push(station.deviceToken, sale, { shiftOps: [shift.open, shift.cashOut] });
    expect(first.status).toBe(200);
    expect(new Set(first.body.held)).toEqual(
      new Set([...sale.map((op) => op.id), shift.open.id, shift.cashOut.id]),
    );
    const manager = await server.login("managerA");
    expect((await shiftsOf(manager)).body.shifts).toEqual([]); // listed once closed

    for (let copy = 0; copy < 3; copy++) {
      const again = await server.push(station.deviceToken, [], {
        shiftOps: [shift.open, shift.cashOut, shift.close],
      });
      expect(again.body.held).toEqual([shift.open.id, shift.cashOut.id, shift.close.id]);
    }
    expect(await server.count("shift_ops")).toBe(3);
    const listed = await shiftsOf(manager);
    expect(listed.status).toBe(200);
    expect(listed.body.shifts).toEqual([
      expect.objectContaining({
        id: shift.shiftId,
        stationId: station.stationId,
        openedAt: at(1),
        closedAt: at(3),
        openingCash: 500_000,
        cashSales: 58_000,
        cashRefunds: 0,
        cashIn: 0,
        cashOut: 200_000,
        expectedCash: 358_000,
        countedCash: 355_000,
        difference: -3_000,
        revenue: 93_000,
        orders: 2,
      }),
    ]);
    expect((await shiftsOf(manager, "from=2026-11-29&to=2026-11-30")).body.shifts).toEqual([]);
    expect((await shiftsOf(manager, `from=${DAY}&to=2026-11-27`)).status).toBe(400);
    expect((await shiftsOf(await server.login("cashierA"))).status).toBe(403);
    expect((await shiftsOf(await server.login("managerA2"))).body.shifts).toEqual([]);
  });

  it("refuses shift ops its station could not make, storing nothing", async () => {
    const { a1, a2 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const other = await server.registerStation("managerA2", a2);
    const { cashierA, waiterA, managerA2 } = server.world.users;
    const refused = async (token: string, op: object, status: number, code: string) => {
      const answer = await server.push(token, [], { shiftOps: [op] });
      expect({ status: answer.status, code: answer.body.error?.code }).toEqual({ status, code });
    };
    const bad = shiftOps(station.stationId, cashierA.id, a1.id).close;
    const cases: [op: object, status: number, code: string][] = [
      [shiftOps(station.stationId, waiterA.id, a1.id).open, 403, "OP_NOT_ALLOWED"],
      [shiftOps(other.stationId, cashierA.id, a1.id).open, 403, "OP_WRONG_DEVICE"],
      [shiftOps(station.stationId, cashierA.id, a2.id).open, 403, "FORBIDDEN"],
      [shiftOps(station.stationId, newTestId(), a1.id).open, 403, "OP_USER_UNKNOWN"],
      [{ ...bad, data: { ...bad.data, counted: { "500": 1 } } }, 400, "VALIDATION_FAILED"],
    ];
    for (const [op, status, code] of cases) await refused(station.deviceToken, op, status, code);
    expect(await server.count("shift_ops")).toBe(0);

    // A shift id of another store's shift, or a held op's id with other content, is refused too.
    const theirs = shiftOps(other.stationId, managerA2.id, a2.id);
    expect((await server.push(other.deviceToken, [], { shiftOps: [theirs.open] })).status).toBe(200);
    const mine = shiftOps(station.stationId, cashierA.id, a1.id, theirs.shiftId);
    await refused(station.deviceToken, mine.open, 403, "FORBIDDEN");
    await refused(
      other.deviceToken,
      { ...theirs.open, data: { ...theirs.open.data, openingCash: 1 } },
      409,
      "OP_CONFLICT",
    );
    expect(await server.count("shift_ops")).toBe(1);
  });

  it("takes a push of an older station, which sends no shifts", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const sale = new OpFactory(a1, station.stationId).invoice({ at: at(2), paid: true }).ops;
    const answer = await server.call<{ held: string[] }>("POST", "/api/sync/push", {
      token: station.deviceToken,
      body: { protocolVersion: 5, ops: sale },
    });
    expect([answer.status, answer.body.held.length]).toEqual([200, sale.length]);
  });
});
