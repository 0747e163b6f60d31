import type { Op } from "@quay/core";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { newTestId, OpFactory } from "../test-support/ops.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";

const AT = "2026-11-28T02:00:00.000Z";

/** The server checks every op a device pushes: whose it is, who made it, may they, when, which number. */
describe.each(testEngines())("pushed ops the server refuses on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  /** Pushes `ops` and expects a refusal naming `code` and the op at fault, with nothing stored. */
  const expectRefused = async (token: string, ops: readonly Op[], code: string, culprit: Op) => {
    const before = await server.count("ops");
    const answer = await server.push(token, ops);
    expect(answer.status, JSON.stringify(answer.body)).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body).toMatchObject({ error: { code, orderId: culprit.orderId, opId: culprit.id } });
    expect(await server.count("ops")).toBe(before);
  };

  it("refuses ops made on behalf of another store's station, an unknown device, by no one, or by someone not of the store", async () => {
    const { a1, a2 } = server.world.stores;
    const { users } = server.world;
    const mine = await server.registerStation("cashierA", a1, "Quầy 1");
    const elsewhere = await server.registerStation("managerA2", a2, "Quầy CH02");
    const forged = new OpFactory(a1, elsewhere.stationId, users.cashierA.id).invoice({ at: AT, paid: true });
    await expectRefused(mine.deviceToken, forged.ops, "OP_WRONG_DEVICE", forged.ops[0] as Op);
    const phantom = new OpFactory(a1, "0190a0a0-0000-7000-8000-000000000000", users.cashierA.id).invoice({
      at: AT,
    });
    await expectRefused(mine.deviceToken, phantom.ops, "OP_WRONG_DEVICE", phantom.ops[0] as Op);
    const nobody = new OpFactory(a1, mine.stationId, "nobody").invoice({ at: AT });
    await expectRefused(mine.deviceToken, nobody.ops, "OP_USER_UNKNOWN", nobody.ops[0] as Op);
    const stranger = new OpFactory(a1, mine.stationId, users.cashierB.id).invoice({ at: AT });
    await expectRefused(mine.deviceToken, stranger.ops, "OP_USER_UNKNOWN", stranger.ops[0] as Op);
  });

  it("takes a hub's relay of another active station of its store, each op once, and no revoked one's", async () => {
    const { a1 } = server.world.stores;
    const { users } = server.world;
    const hub = await server.registerStation("cashierA", a1, "Quầy 1");
    const spoke = await server.registerStation("cashierA", a1, "Quầy 2");
    const sale = new OpFactory(a1, spoke.stationId, users.cashierA.id).invoice({ at: AT, paid: true });
    const relayed = await server.push(hub.deviceToken, sale.ops);
    expect(relayed.status, JSON.stringify(relayed.body)).toBe(200);
    // Pulls leave out what the puller pushed, not what it made: an op pushed in the spoke's name
    // (a relay, or a forgery) reaches the spoke, so the two never disagree.
    const ids = sale.ops.map((op) => op.id).sort();
    const pulledIds = async (token: string) =>
      ((await server.pull(token, 0)).body.ops as Op[])
        .map((op) => op.id)
        .filter((id) => ids.includes(id))
        .sort();
    expect(await pulledIds(spoke.deviceToken)).toEqual(ids);
    expect(await pulledIds(hub.deviceToken)).toEqual([]);
    // The spoke pushing its own ops too is a replay: held, stored once.
    const before = await server.count("ops");
    const own = await server.push(spoke.deviceToken, sale.ops);
    expect(own.status).toBe(200);
    expect(await server.count("ops")).toBe(before);

    // A relayed op is judged by its own station's close: no line after the spoke's close.
    const spokeOps = new OpFactory(a1, spoke.stationId, users.cashierA.id);
    const closed = spokeOps.invoice({ at: "2026-11-27T02:00:00.000Z", lines: 1, paid: true });
    expect((await server.push(hub.deviceToken, closed.ops)).status).toBe(200);
    const item = a1.items[0];
    const lineAfter = spokeOps.op(closed.orderId, "2026-11-27T02:05:00.000Z", "addLine", {
      lineId: newTestId(),
      itemId: item?.id,
      name: item?.name,
      unitPrice: item?.price,
      vatRate: item?.vatRate,
      quantity: 5,
      note: null,
    });
    await expectRefused(hub.deviceToken, [lineAfter], "ORDER_PAID", lineAfter);

    const revoked = await server.registerStation("cashierA", a1, "Quầy 3");
    const late = new OpFactory(a1, revoked.stationId, users.cashierA.id).invoice({ at: AT });
    const answer = await server.call("DELETE", `/api/stations/${revoked.stationId}`, {
      token: await server.login("managerA"),
    });
    expect(answer.status).toBeLessThan(300);
    await expectRefused(hub.deviceToken, late.ops, "OP_WRONG_DEVICE", late.ops[0] as Op);
  });

  it("refuses a cashier's void of a paid order unless a manager approved it", async () => {
    const { a1 } = server.world.stores;
    const { users } = server.world;
    const counter = await server.registerStation("cashierA", a1, "Quầy 1");
    const other = await server.registerStation("cashierA", a1, "Quầy 2");
    const sale = new OpFactory(a1, other.stationId, users.cashierA.id).invoice({ at: AT, paid: true });
    expect((await server.push(other.deviceToken, sale.ops)).status).toBe(200);

    const cashier = new OpFactory(a1, counter.stationId, users.cashierA.id);
    const voided = cashier.op(sale.orderId, AT, "voidOrder", { reason: "trả lại" });
    await expectRefused(counter.deviceToken, [voided], "OP_NOT_ALLOWED", voided);
    const waiterApproves = cashier.op(sale.orderId, AT, "voidOrder", {
      reason: "x",
      approvedBy: users.waiterA.id,
    });
    await expectRefused(counter.deviceToken, [waiterApproves], "OP_NOT_ALLOWED", waiterApproves);
    const approved = cashier.op(sale.orderId, AT, "voidOrder", {
      reason: "trả lại",
      approvedBy: users.managerA.id,
    });
    expect((await server.push(counter.deviceToken, [approved])).status).toBe(200);
  });

  it("takes a cashier's merge, but not a void that only says it was one", async () => {
    const { a1 } = server.world.stores;
    const { users } = server.world;
    const station = await server.registerStation("cashierA", a1);
    const cashier = new OpFactory(a1, station.stationId, users.cashierA.id);
    const table5 = cashier.invoice({ at: AT, lines: 1 });
    const table6 = cashier.invoice({ at: AT, lines: 0 });
    expect((await server.push(station.deviceToken, [...table5.ops, ...table6.ops])).status).toBe(200);
    const line = table5.ops[1] as Op & { kind: "addLine" };
    const mergedInto = table6.orderId;
    const forgedLine = cashier.op(table5.orderId, AT, "voidLine", {
      lineId: line.data.lineId,
      reason: "Gộp",
      mergedInto,
    });
    await expectRefused(station.deviceToken, [forgedLine], "OP_NOT_ALLOWED", forgedLine);
    const forgedOrder = cashier.op(table5.orderId, AT, "voidOrder", { reason: "Gộp", mergedInto });
    await expectRefused(station.deviceToken, [forgedOrder], "OP_NOT_ALLOWED", forgedOrder);
    // The real merge: the line goes to the other order, then the emptied order goes.
    const moved = cashier.op(table6.orderId, AT, "addLine", { ...line.data, lineId: newTestId() });
    const merge = [
      moved,
      cashier.op(table5.orderId, AT, "voidLine", { lineId: line.data.lineId, reason: "Gộp", mergedInto }),
      cashier.op(table5.orderId, AT, "voidOrder", { reason: "Gộp", mergedInto }),
    ];
    const answer = await server.push(station.deviceToken, merge);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  });

  it("takes a cashier's split with the line it added, held or pushed with it, and no other", async () => {
    const { a1 } = server.world.stores;
    const { users } = server.world;
    const station = await server.registerStation("cashierA", a1);
    const cashier = new OpFactory(a1, station.stationId, users.cashierA.id);
    const bill = cashier.invoice({ at: AT, lines: 2 }); // the second line: 2 units
    expect((await server.push(station.deviceToken, bill.ops)).status).toBe(200);
    const line = bill.ops[2] as Op & { kind: "addLine" };
    const part = cashier.invoice({ at: AT, lines: 0 });
    const intoLineId = newTestId();
    const split = (quantity: number, into = intoLineId) =>
      cashier.op(bill.orderId, AT, "splitLine", {
        lineId: line.data.lineId,
        quantity,
        intoOrderId: part.orderId,
        intoLineId: into,
      });
    // No line behind it, a line of fewer units, or of another item: a line made to vanish.
    const alone = split(1);
    await expectRefused(station.deviceToken, [...part.ops, alone], "OP_NOT_ALLOWED", alone);
    const fewer = split(2);
    const oneUnit = cashier.op(part.orderId, AT, "addLine", {
      ...line.data,
      lineId: intoLineId,
      quantity: 1,
    });
    await expectRefused(station.deviceToken, [...part.ops, oneUnit, fewer], "OP_NOT_ALLOWED", fewer);
    const otherItem = cashier.op(part.orderId, AT, "addLine", {
      ...(bill.ops[1] as Op & { kind: "addLine" }).data,
      lineId: intoLineId,
      quantity: 1,
    });
    const forged = split(1);
    await expectRefused(station.deviceToken, [...part.ops, otherItem, forged], "OP_NOT_ALLOWED", forged);
    // The real split: the new order with its line first (held), then the split in a later push.
    expect((await server.push(station.deviceToken, [...part.ops, oneUnit])).status).toBe(200);
    const answer = await server.push(station.deviceToken, [split(1)]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    // One added line backs one split only.
    const again = split(1);
    await expectRefused(station.deviceToken, [again], "OP_NOT_ALLOWED", again);
    // A second split of the bill in a push of its own: the first is held and not judged again,
    // though the order it went to is not among those the push names.
    const third = cashier.invoice({ at: AT, lines: 0 });
    const thirdLineId = newTestId();
    const thirdLine = cashier.op(third.orderId, AT, "addLine", {
      ...line.data,
      lineId: thirdLineId,
      quantity: 1,
    });
    const second = split(1, thirdLineId);
    const secondSplit = { ...second, data: { ...second.data, intoOrderId: third.orderId } } as Op;
    const answered = await server.push(station.deviceToken, [...third.ops, thirdLine, secondSplit]);
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
  });

  it("refuses a cut of a line's quantity without a manager, but not a raise", async () => {
    const { a1 } = server.world.stores;
    const { users } = server.world;
    const station = await server.registerStation("cashierA", a1);
    const cashier = new OpFactory(a1, station.stationId, users.cashierA.id);
    const sale = cashier.invoice({ at: AT, lines: 1 });
    const added = sale.ops[1] as Op & { data: { lineId: string } };
    const raise = cashier.op(sale.orderId, AT, "setQuantity", { lineId: added.data.lineId, quantity: 5 });
    expect((await server.push(station.deviceToken, [...sale.ops, raise])).status).toBe(200);
    const cut = cashier.op(sale.orderId, AT, "setQuantity", { lineId: added.data.lineId, quantity: 1 });
    await expectRefused(station.deviceToken, [cut], "OP_NOT_ALLOWED", cut);
  });

  it("refuses times beyond the server's clock or long before the station existed", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const factory = new OpFactory(a1, station.stationId);
    for (const at of ["9999-12-31T00:00:00.000Z", "0001-01-01T00:00:00.000Z", "2026-11-28T05:00:00.000Z"]) {
      const sale = factory.invoice({ at });
      await expectRefused(station.deviceToken, sale.ops, "OP_TIME_OUT_OF_RANGE", sale.ops[0] as Op);
    }
  });

  it("refuses an order opened with another order's number in the tenant", async () => {
    const { a1, a2 } = server.world.stores;
    const first = await server.registerStation("cashierA", a1);
    const second = await server.registerStation("managerA2", a2);
    const sale = new OpFactory(a1, first.stationId).invoice({ at: AT });
    expect((await server.push(first.deviceToken, sale.ops)).status).toBe(200);
    const copy = new OpFactory(a2, second.stationId).invoice({ at: AT });
    const open = copy.ops[0] as Op & { data: { number: string } };
    const clash = [{ ...open, data: { ...open.data, number: sale.number } } as Op, ...copy.ops.slice(1)];
    await expectRefused(second.deviceToken, clash, "NUMBER_TAKEN", clash[0] as Op);
    // A replayed push of what the server holds is still answered as held.
    expect((await server.push(first.deviceToken, sale.ops)).status).toBe(200);
  });

  it("refuses an op id sent again with other content, within a push or after one, and keeps the first", async () => {
    const { a1 } = server.world.stores;
    const station = await server.registerStation("cashierA", a1);
    const sale = new OpFactory(a1, station.stationId).invoice({ at: AT, lines: 1 });
    const line = sale.ops[1] as Op & { data: { quantity: number } };
    const changed = { ...line, data: { ...line.data, quantity: 9 } } as Op;
    await expectRefused(station.deviceToken, [...sale.ops, changed], "OP_CONFLICT", changed);
    expect((await server.push(station.deviceToken, sale.ops)).status).toBe(200);
    await expectRefused(station.deviceToken, [changed], "OP_CONFLICT", changed);
    const reordered = Object.fromEntries(Object.entries(line).reverse()) as Op;
    expect((await server.push(station.deviceToken, [reordered])).status).toBe(200); // the same op
  });
});
