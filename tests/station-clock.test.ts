import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, ok, waitFor } from "./support/http.mjs";
import {
  type RunningProcess,
  removeDir,
  STATION_BIN,
  startProcess,
  startServer,
  tempDir,
} from "./support/processes.mjs";

const LIBFAKETIME = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";
const HOURS_OFF = 5;
const available = existsSync(LIBFAKETIME);
if (!available && process.env.CI === "true") throw new Error(`CI needs Debian's faketime (${LIBFAKETIME})`);

/**
 * A counter PC whose clock is hours off (Debian's faketime under the real station process): the
 * station measures the server's time, warns the cashier, and stamps its sales with the server's
 * time, so they land on the right day and order fairly against other devices' changes.
 */
describe.skipIf(!available)("a station whose PC clock is hours off (cross-process, faketime)", () => {
  let server: RunningProcess;
  let station: RunningProcess;
  const serverDir = tempDir("server");
  const stationDir = tempDir("station");

  beforeAll(async () => {
    server = await startServer({ dataDir: serverDir });
    station = await startProcess(
      STATION_BIN,
      ["--server", server.url, "--host", "127.0.0.1", "--port", "0", "--data", stationDir],
      {
        name: "quay-station",
        env: { LD_PRELOAD: LIBFAKETIME, FAKETIME: `-${HOURS_OFF}h`, FAKETIME_DONT_FAKE_MONOTONIC: "1" },
      },
    );
  }, 60_000);
  afterAll(async () => {
    await station?.stop();
    await server?.stop();
    removeDir(serverDir);
    removeDir(stationDir);
  });

  it("warns, and stamps its sales with the server's time", async () => {
    const token = await login(station.url, "thungan", "1234", "online");
    const status = await waitFor(
      async () => {
        const current = await ok(station.url, "GET", "/api/status");
        return current.mode === "online" && current.clockOffsetMs !== undefined && current.clockOffsetMs > 0
          ? current
          : null;
      },
      { timeoutMs: 15_000, what: "the measured offset" },
    );
    expect(status.clockOffsetMs / 3_600_000).toBeCloseTo(HOURS_OFF, 1);

    const catalog = await ok(station.url, "GET", "/api/catalog", { token });
    let order = await ok(station.url, "POST", "/api/orders", { token, body: {} });
    order = await ok(station.url, "POST", `/api/orders/${order.id}/lines`, {
      token,
      body: { itemId: catalog.items[0].id, quantity: 1 },
    });
    const before = Date.now();
    order = await ok(station.url, "POST", `/api/orders/${order.id}/payments`, {
      token,
      body: { method: "cash", amount: order.total },
    });
    expect(Math.abs(Date.parse(order.paidAt) - before)).toBeLessThan(60_000);
    // The invoice number carries the server's day too (today in Hồ Chí Minh City).
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10).replaceAll("-", "");
    expect(order.number).toContain(`-${today}-`);

    const admin = await login(server.url, "admin", "admin123");
    const onServer = await waitFor(
      async () => {
        const answer = await ok(server.url, "GET", `/api/orders/${order.id}`, { token: admin });
        return answer.status === "paid" ? answer : null;
      },
      { timeoutMs: 10_000, what: "the sale on the server" },
    );
    expect(Math.abs(Date.parse(onServer.paidAt) - before)).toBeLessThan(60_000);
  }, 60_000);
});
