import { StationDb } from "@quay/station";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FakePrinter,
  startFakePrinter,
} from "../apps/station/src/printing/fake-printer.test-support.js";
import { catalogWithPrinters } from "../apps/station/src/printing/printing-catalog.test-support.js";
import { login, ok, waitFor } from "./support/http.mjs";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "./support/processes.mjs";

/**
 * A real station process and a printer that takes a ticket's bytes but never acknowledges them:
 * `kill -9` while the ticket is `printing`, and the restarted station prints it again exactly
 * once, marked "IN LẠI".
 */
describe("station printing (cross-process)", () => {
  const serverDir = tempDir("server");
  const stationDir = tempDir("station");
  let station: RunningProcess | undefined;
  let bar: FakePrinter;
  let kitchen: FakePrinter;
  /** The server's address once it is gone: the station sells offline from its own file. */
  let deadServerUrl = "";

  beforeAll(async () => {
    bar = await startFakePrinter({ hold: true });
    kitchen = await startFakePrinter();
    const server = await startServer({ dataDir: serverDir });
    const provisioning = await startStation({ serverUrl: server.url, dataDir: stationDir });
    await login(provisioning.url, "thungan", "1234", "online");
    await provisioning.stop();
    deadServerUrl = server.url;
    await server.stop();
    // The printers go into the station's own copy of the catalog (the server's API for them is
    // another piece of work); with the server gone, no pull replaces it.
    const db = StationDb.open(stationDir);
    try {
      const catalog = db.catalog();
      if (!catalog) throw new Error("the station holds no catalog");
      db.replaceCatalog(catalogWithPrinters(catalog, { bar: bar.address, kitchen: kitchen.address }));
    } finally {
      db.close();
    }
  }, 60_000);

  afterAll(async () => {
    await station?.stop();
    await Promise.all([bar.stop(), kitchen.stop()]);
    removeDir(serverDir);
    removeDir(stationDir);
  });

  it("reprints a ticket cut off by kill -9 exactly once, marked IN LẠI", async () => {
    station = await startStation({ serverUrl: deadServerUrl, dataDir: stationDir });
    const token = await login(station.url, "thungan", "1234", "offline");
    const catalog = await ok(station.url, "GET", "/api/catalog", { token });
    const drink = catalog.items.find(
      (item: { categoryId: string }) => item.categoryId === catalog.categories[0].id,
    );
    const order = await ok(station.url, "POST", "/api/orders", { token, body: {} });
    await ok(station.url, "POST", `/api/orders/${order.id}/lines`, {
      token,
      body: { itemId: drink.id, quantity: 2 },
    });

    // The printer has every byte and keeps the line open: the ticket is `printing` when killed.
    const [first] = await bar.waitForJobs(1, 10_000);
    expect(first?.text).toContain(`2 x ${drink.name}`);
    expect(first?.text).not.toContain("IN LẠI");
    await station.kill();
    bar.setHold(false);

    station = await startStation({ serverUrl: deadServerUrl, dataDir: stationDir });
    const jobs = await bar.waitForJobs(2, 10_000);
    expect(jobs[1]?.text).toContain("IN LẠI");
    expect(jobs[1]?.text).toContain(`2 x ${drink.name}`);
    const again = await login(station.url, "thungan", "1234", "offline");
    await waitFor(
      async () => {
        const status = await ok(station?.url ?? "", "GET", "/api/status", { token: again });
        return status.printing.printers.every((printer: { queued: number }) => printer.queued === 0);
      },
      { timeoutMs: 10_000, what: "the bar's queue to empty" },
    );
    await station.stop();
    station = undefined;

    const db = StationDb.open(stationDir);
    try {
      const done = db.tickets.list("done");
      expect(done.map((ticket) => ticket.reprint)).toEqual([true]);
      expect(db.tickets.list("queued")).toHaveLength(0);
      expect(db.tickets.list("printing")).toHaveLength(0);
    } finally {
      db.close();
    }
    expect(bar.jobs).toHaveLength(2);
    expect(kitchen.jobs).toHaveLength(0);
  }, 60_000);
});
