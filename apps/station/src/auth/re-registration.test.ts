import type { StationStatus } from "@quay/protocol";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { waitFor } from "../station.test-support.js";
import { type StationAtFakeCloud, startStationAtFakeCloud } from "../station-at-fake-cloud.test-support.js";

/**
 * A station the server no longer takes (revoked in the back office) registers again on the
 * next online login, and only an owner's or a manager's: re-registering hands out its device
 * token, so a cashier's login may not (docs/sync-protocol.md, "Register").
 */
describe("registering again once the server refused the device token", () => {
  let station: StationAtFakeCloud;

  beforeEach(async () => {
    station = await startStationAtFakeCloud();
    await station.login();
  });
  afterEach(() => station.close());

  const status = async (token: string) =>
    (
      await station.app.inject({
        method: "GET",
        url: "/api/status",
        headers: { authorization: `Bearer ${token}` },
      })
    ).json() as StationStatus;
  const onlineLogin = (username: string, password: string) =>
    station.app.inject({
      method: "POST",
      url: "/api/login",
      payload: { username, password, mode: "online" },
    });

  it("refuses a cashier's online login and keeps the station's id for a manager's", async () => {
    const stationId = station.db.identity()?.stationId;
    station.cloud.revokeStation();
    const offline = await station.login("thungan", "1234", "offline");
    await station.app.inject({
      method: "POST",
      url: "/api/sync",
      headers: { authorization: `Bearer ${offline}` },
    });
    await waitFor(async () => (await status(offline)).sync.error === "DEVICE_REJECTED", 5_000, "rejected");

    const cashier = await onlineLogin("thungan", "1234");
    expect([cashier.statusCode, cashier.json().error.code]).toEqual([403, "FORBIDDEN"]);
    expect((await status(offline)).sync.error).toBe("DEVICE_REJECTED");

    expect((await onlineLogin("admin", "admin123")).statusCode).toBe(200);
    expect(station.db.identity()?.stationId).toBe(stationId);
    await waitFor(async () => (await status(offline)).sync.state === "idle", 5_000, "syncing again");
  });
});
