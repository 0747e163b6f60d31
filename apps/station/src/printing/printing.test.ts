import { randomUUID } from "node:crypto";
import type { Order } from "@quay/core";
import type { PrintingStatus } from "@quay/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestStation, type TestStation, waitFor } from "../station.test-support.js";
import { fakeCloudForSuite } from "../station-at-fake-cloud.test-support.js";
import { FAKE_CATALOG, ITEM_ID, ITEM2_ID, TABLE_ID } from "../sync/fake-server.test-support.js";
import { type FakePrinter, startFakePrinter } from "./fake-printer.test-support.js";
import { BAR_PRINTER_ID, catalogWithPrinters, FOOD_ITEM_ID, phone } from "./printing-catalog.test-support.js";
import { SETTLE_MS } from "./ticket-settle.js";

/**
 * Tickets end to end inside one station: ops committed at the counter or pulled from a phone,
 * tickets written with them, the spooler sending ESC/POS over real TCP to fake printers that
 * decode what they get.
 */
describe("bar and kitchen tickets", () => {
  const cloud = fakeCloudForSuite();
  let station: TestStation;
  let bar: FakePrinter;
  let kitchen: FakePrinter;
  let receipt: FakePrinter;
  let token = "";
  /** How far the station's clock runs ahead of the real one (to age tickets). */
  let skewMs = 0;
  /** While set, the station's clock stands still: no "new items" ticket settles. */
  let frozenMs: number | null = null;
  /** The next tap comes after the last ticket settled: it makes a ticket of its own. */
  const settle = () => {
    skewMs += SETTLE_MS;
  };
  const freeze = () => {
    frozenMs = Date.now() + skewMs;
  };
  const unfreeze = () => {
    frozenMs = null;
  };

  const call = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    station.call(token, method, url, payload);
  const newOrder = async (tableId: string | null = TABLE_ID) =>
    (await call("POST", "/api/orders", { tableId })).body as Order;
  const addLine = async (orderId: string, itemId: string, quantity: number, note?: string) =>
    (await call("POST", `/api/orders/${orderId}/lines`, { itemId, quantity, ...(note ? { note } : {}) }))
      .body as Order;
  const printing = async () => (await call("GET", "/api/status")).body.printing as PrintingStatus;
  const setPrinters = (options: Parameters<typeof catalogWithPrinters>[2] = {}) => {
    const addresses = { bar: bar.address, kitchen: kitchen.address, receipt: receipt.address };
    station.db.replaceCatalog(catalogWithPrinters(FAKE_CATALOG, addresses, options));
  };

  beforeEach(async () => {
    skewMs = 0;
    frozenMs = null;
    [bar, kitchen, receipt] = await Promise.all([startFakePrinter(), startFakePrinter(), startFakePrinter()]);
    station = await startTestStation(cloud().url, {
      startSync: false,
      clock: { now: () => frozenMs ?? Date.now() + skewMs },
      printing: { retry: { firstMs: 20, maxMs: 200 }, timeouts: { connectMs: 500, closeMs: 2_000 } },
    });
    token = await station.login();
    setPrinters();
  });
  afterEach(async () => {
    await station.close();
    await Promise.all([bar.stop(), kitchen.stop(), receipt.stop()]);
  });

  it("prints the counter's new lines on the printer of their category, in Vietnamese", async () => {
    const order = await newOrder();
    await addLine(order.id, ITEM_ID, 2, "ít đường");
    const [job] = await bar.waitForJobs(1);
    expect(job?.text).toContain("2 x Cà phê sữa đá");
    expect(job?.text).toContain("ít đường");
    expect(job?.text).toContain("Bàn 1");
    expect(job?.text).toContain("Bar - Phiếu số 1");
    expect(job?.text).toContain("Người gửi: Thu ngân");
    expect(job?.cut).toBe(true);
    // TCVN-3 in the pages configured, never a character the printer would show as "?".
    expect(job?.codepages).toContain(27);
    expect(job?.text).not.toContain("?");
    // The kitchen makes none of it, and gets nothing.
    await addLine(order.id, FOOD_ITEM_ID, 1);
    const [dish] = await kitchen.waitForJobs(1);
    expect(dish?.text).toContain("1 x Bánh mì ốp la");
    expect(dish?.text).toContain("Bếp - Phiếu số 2");
    expect(bar.jobs).toHaveLength(1);
  });

  it("prints one ticket per printer touched for a phone's batch, once however often it is pulled", async () => {
    const orderId = randomUUID();
    const waiter = phone(orderId, "0190a000-0000-7000-8000-0000000000a2");
    const ops = [
      waiter("open", { number: "W1-0001", tableId: TABLE_ID, storeId: FAKE_CATALOG.store.id }),
      waiter("addLine", line(ITEM_ID, "Cà phê sữa đá", 2)),
      waiter("addLine", line(ITEM2_ID, "Bạc xỉu", 1)),
      waiter("addLine", line(FOOD_ITEM_ID, "Bánh mì ốp la", 3)),
    ];
    const pull = () => station.db.transaction(() => station.db.orders.applyRemote(ops));
    pull();
    pull();
    station.printers.kick();
    const [drinks] = await bar.waitForJobs(1);
    const [food] = await kitchen.waitForJobs(1);
    expect(drinks?.text).toContain("2 x Cà phê sữa đá");
    expect(drinks?.text).toContain("1 x Bạc xỉu");
    expect(drinks?.text).not.toContain("Bánh mì");
    expect(food?.text).toContain("3 x Bánh mì ốp la");
    await waitFor(() => station.db.tickets.list("done").length === 2, 5_000, "both tickets done");
    // Pulled again later (a page replayed): still nothing new.
    pull();
    expect(station.db.tickets.list("queued")).toHaveLength(0);
    expect(station.db.tickets.list("done")).toHaveLength(2);
  });

  it("leaves another station's ops to it, and a spoke leaves the phones' to its hub", () => {
    const orderId = randomUUID();
    const other = phone(orderId, "0190a000-0000-7000-8000-0000000000a2");
    const fromCounter = {
      ...other("open", { number: "C2-1", tableId: null, storeId: FAKE_CATALOG.store.id }),
    };
    const opened = { ...fromCounter, deviceId: "0190a000-0000-7000-8000-0000000000f9" };
    const added = { ...other("addLine", line(ITEM_ID, "Cà phê sữa đá", 1)), deviceId: opened.deviceId };
    station.db.transaction(() => station.db.orders.applyRemote([opened, added]));
    expect(station.db.tickets.list("queued")).toHaveLength(0);
    station.db.ticketRecorder.isSpoke = true;
    const phoneLine = other("addLine", line(ITEM2_ID, "Bạc xỉu", 1));
    station.db.transaction(() => station.db.orders.applyRemote([phoneLine]));
    expect(station.db.tickets.list("queued")).toHaveLength(0);
  });

  it("prints HỦY for a voided line and for a lowered quantity, and a notice for a moved table", async () => {
    const order = await newOrder();
    const withLines = await addLine(order.id, ITEM_ID, 3);
    const coffee = withLines.lines[0];
    settle();
    const withSecond = await addLine(order.id, ITEM2_ID, 1);
    const second = withSecond.lines.find((entry) => entry.itemId === ITEM2_ID);
    await bar.waitForJobs(2);
    const managerPin = "9999";
    const lowered = await call("PATCH", `/api/orders/${order.id}/lines/${coffee?.id}`, {
      quantity: 1,
      reason: "khách đổi ý",
      managerPin,
    });
    expect(lowered.status).toBe(200);
    await call("POST", `/api/orders/${order.id}/lines/${second?.id}/void`, { reason: "hết món", managerPin });
    const jobs = await bar.waitForJobs(4);
    expect(jobs[2]?.text).toContain("HỦY");
    expect(jobs[2]?.text).toContain("2 x Cà phê sữa đá");
    expect(jobs[3]?.text).toContain("HỦY");
    expect(jobs[3]?.text).toContain("1 x Bạc xỉu");
    const moved = await call("POST", `/api/orders/${order.id}/move`, { tableId: null });
    expect(moved.status).toBe(200);
    const [, , , , notice] = await bar.waitForJobs(5);
    expect(notice?.text).toContain("CHUYỂN BÀN");
    expect(notice?.text).toContain("Bàn 1 -> Mang về");
    expect(kitchen.jobs).toHaveLength(0);
  });

  it("queues while a printer is off, says so in the status, and prints in order when it is back", async () => {
    await bar.stop();
    const order = await newOrder();
    await addLine(order.id, ITEM_ID, 1);
    settle();
    await addLine(order.id, ITEM2_ID, 1);
    settle();
    await addLine(order.id, ITEM_ID, 1, "nóng");
    const down = await waitFor(async () => {
      const status = await printing();
      const printer = status.printers.find((entry) => entry.name === "Bar");
      return printer?.state === "unreachable" && printer.queued === 3 ? printer : null;
    });
    expect(down?.lastError).toBe("ECONNREFUSED");
    await bar.start();
    const jobs = await bar.waitForJobs(3);
    expect(jobs.map((job) => job.text.match(/Phiếu số (\d+)/)?.[1])).toEqual(["1", "2", "3"]);
    expect(jobs[2]?.text).toContain("nóng");
    await waitFor(async () => (await printing()).printers.every((entry) => entry.state === "ready"));
  });

  it("holds tickets too old by their turn, and prints or dismisses them when asked", async () => {
    await bar.stop();
    const order = await newOrder();
    await addLine(order.id, ITEM_ID, 1);
    settle();
    await addLine(order.id, ITEM2_ID, 2);
    skewMs = 16 * 60_000; // the outage outlasts the store's 15 minutes
    await bar.start();
    await waitFor(async () => (await printing()).held === 2, 5_000, "two held tickets");
    const held = (await call("GET", "/api/tickets?state=held")).body.tickets as { id: number }[];
    expect(held).toHaveLength(2);
    const [newest, oldest] = held;
    const printed = await call("POST", `/api/tickets/${oldest?.id}/print`);
    expect(printed.status).toBe(200);
    const [job] = await bar.waitForJobs(1);
    expect(job?.text).toContain("1 x Cà phê sữa đá");
    const dismissed = await call("POST", `/api/tickets/${newest?.id}/dismiss`);
    expect(dismissed.body.state).toBe("dismissed");
    const again = await call("POST", `/api/tickets/${newest?.id}/print`);
    expect([again.status, again.body.error.code]).toEqual([409, "TICKET_NOT_HELD"]);
    expect((await printing()).held).toBe(0);
    expect(bar.jobs).toHaveLength(1);
  });

  it("holds the queued tickets of a printer paused in the back office, for someone to decide", async () => {
    await bar.stop();
    const order = await newOrder();
    await addLine(order.id, ITEM_ID, 1);
    await waitFor(
      async () => (await printing()).printers.find((entry) => entry.name === "Bar")?.queued === 1,
    );
    const catalog = station.db.catalog();
    if (!catalog) throw new Error("no catalog");
    const paused = catalog.printers.map((entry) =>
      entry.id === BAR_PRINTER_ID ? { ...entry, active: false } : entry,
    );
    station.db.replaceCatalog({ ...catalog, printers: paused });
    await addLine(order.id, FOOD_ITEM_ID, 1); // the next commit wakes the spooler
    await waitFor(async () => (await printing()).held === 1, 5_000, "the paused printer's ticket held");
    const [held] = (await call("GET", "/api/tickets?state=held")).body.tickets as { id: number }[];
    const refused = await call("POST", `/api/tickets/${held?.id}/print`);
    expect([refused.status, refused.body.error.code]).toEqual([409, "PRINTER_NOT_ACTIVE"]);
    expect((await call("POST", `/api/tickets/${held?.id}/dismiss`)).body.state).toBe("dismissed");
    await kitchen.waitForJobs(1);
  });

  it("makes one ticket of lines tapped one by one before it settles, then a new one", async () => {
    const order = await newOrder();
    freeze();
    await addLine(order.id, ITEM_ID, 1);
    await addLine(order.id, ITEM2_ID, 1);
    await addLine(order.id, ITEM_ID, 1, "nóng");
    await addLine(order.id, ITEM2_ID, 2, "ít đá");
    expect(station.db.tickets.list("queued")).toHaveLength(1);
    unfreeze();
    const [job] = await bar.waitForJobs(1);
    for (const text of ["1 x Cà phê sữa đá", "1 x Bạc xỉu", "nóng", "2 x Bạc xỉu", "ít đá"]) {
      expect(job?.text).toContain(text);
    }
    expect(job?.text).toContain("Bar - Phiếu số 1");
    // Once the spooler has started it, its paper is fixed: the next tap is a ticket of its own.
    await waitFor(() => station.db.tickets.list("queued").length === 0, 5_000, "the ticket started");
    await addLine(order.id, ITEM_ID, 3);
    const jobs = await bar.waitForJobs(2);
    expect(jobs[1]?.text).toContain("3 x Cà phê sữa đá");
    expect(jobs[1]?.text).not.toContain("Bạc xỉu");
    expect(jobs[1]?.text).toContain("Bar - Phiếu số 2");
  });

  it("never adds lines to a ticket across a cancel", async () => {
    const order = await newOrder();
    freeze();
    const withLine = await addLine(order.id, ITEM_ID, 2);
    const lowered = await call("PATCH", `/api/orders/${order.id}/lines/${withLine.lines[0]?.id}`, {
      quantity: 1,
      reason: "khách đổi ý",
      managerPin: "9999",
    });
    expect(lowered.status).toBe(200);
    await addLine(order.id, ITEM2_ID, 1);
    expect(station.db.tickets.list("queued")).toHaveLength(3);
    unfreeze();
    const jobs = await bar.waitForJobs(3);
    expect(jobs[0]?.text).toContain("2 x Cà phê sữa đá");
    expect(jobs[0]?.text).not.toContain("Bạc xỉu");
    expect(jobs[1]?.text).toContain("HỦY");
    expect(jobs[1]?.text).toContain("1 x Cà phê sữa đá");
    expect(jobs[2]?.text).toContain("1 x Bạc xỉu");
    expect(jobs[2]?.text).not.toContain("HỦY");
  });

  it("joins a phone's batches into one ticket, once however often they are pulled", async () => {
    const orderId = randomUUID();
    const waiter = phone(orderId, "0190a000-0000-7000-8000-0000000000a2");
    const opened = waiter("open", { number: "W1-0002", tableId: TABLE_ID, storeId: FAKE_CATALOG.store.id });
    const first = waiter("addLine", line(ITEM_ID, "Cà phê sữa đá", 1));
    const second = waiter("addLine", line(ITEM2_ID, "Bạc xỉu", 2));
    const pull = (ops: Parameters<typeof station.db.orders.applyRemote>[0]) =>
      station.db.transaction(() => station.db.orders.applyRemote(ops));
    freeze();
    pull([opened, first]);
    pull([opened, first, second]);
    pull([opened, first, second]);
    const queued = station.db.tickets.list("queued");
    expect(queued).toHaveLength(1);
    expect(queued[0]?.content.lines.map((entry) => entry.quantity)).toEqual([1, 2]);
    unfreeze();
    station.printers.kick();
    const [job] = await bar.waitForJobs(1);
    expect(job?.text).toContain("1 x Cà phê sữa đá");
    expect(job?.text).toContain("2 x Bạc xỉu");
    await waitFor(() => station.db.tickets.list("done").length === 1, 5_000, "the ticket done");
    pull([opened, first, second]);
    expect(station.db.tickets.list("queued")).toHaveLength(0);
    expect(bar.jobs).toHaveLength(1);
  });

  it("draws a raster ticket the width of the paper when the printer has no Vietnamese code page", async () => {
    setPrinters({ vietnamese: "raster", width: 58 });
    const order = await newOrder();
    await addLine(order.id, ITEM_ID, 1);
    const [job] = await bar.waitForJobs(1);
    expect(job?.images).toHaveLength(1);
    expect(job?.images[0]?.width).toBe(384);
    expect((job?.images[0]?.height ?? 0) % 8).toBe(0);
    expect(job?.cut).toBe(true);
  });

  it("prints the bill and the receipt on the receipt printer when the store asks for it", async () => {
    const order = await newOrder();
    await addLine(order.id, ITEM_ID, 2);
    const refused = await call("POST", `/api/orders/${order.id}/print`, { document: "bill" });
    expect([refused.status, refused.body.error.code]).toEqual([409, "NO_RECEIPT_PRINTER"]);
    const receiptLines = {
      taxCode: "0312345678",
      receiptHeader: "Cà phê rang mỗi sáng",
      receiptFooter: "Hẹn gặp lại!",
      wifi: "Wi-Fi: QuanA / mật khẩu 12345678",
    };
    setPrinters({ store: { printReceipts: true, ...receiptLines } });
    const queued = await call("POST", `/api/orders/${order.id}/print`, { document: "bill" });
    expect(queued.status).toBe(202);
    const [bill] = await receipt.waitForJobs(1);
    expect(bill?.text).toContain("PHIẾU TẠM TÍNH");
    expect(bill?.text).toContain("58.000đ");
    for (const text of [
      "MST: 0312345678",
      "Cà phê rang mỗi sáng",
      "Hẹn gặp lại!",
      "Wi-Fi: QuanA / mật khẩu 12345678",
    ]) {
      expect(bill?.text).toContain(text);
    }
  });

  it("marks a receipt printed again (from the bill history) IN LẠI, the first one not", async () => {
    setPrinters({ store: { printReceipts: true } });
    const order = await newOrder();
    await addLine(order.id, ITEM_ID, 1);
    const before = receipt.jobs.length;
    expect((await call("POST", `/api/orders/${order.id}/print`, { document: "receipt" })).status).toBe(202);
    expect((await call("POST", `/api/orders/${order.id}/print`, { document: "receipt" })).status).toBe(202);
    const jobs = await receipt.waitForJobs(before + 2);
    const [first, second] = jobs.slice(before);
    expect(first?.text).not.toContain("IN LẠI");
    expect(second?.text).toContain("IN LẠI");
  });
});

function line(itemId: string, name: string, quantity: number) {
  return { lineId: randomUUID(), itemId, name, unitPrice: 29_000, vatRate: 8, quantity, note: null } as never;
}
