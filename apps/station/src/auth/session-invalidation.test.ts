import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StationAtFakeCloud, startStationAtFakeCloud } from "../station-at-fake-cloud.test-support.js";

/** A pulled change to a user ends their sessions at the station at once, whatever is left of them. */
describe("sessions end with the account changes they rest on", () => {
  let station: StationAtFakeCloud;

  beforeAll(async () => {
    station = await startStationAtFakeCloud({ startSync: false });
    await station.login(); // provisions: the users are cached
  });
  afterAll(() => station.close());

  const canOpenOrders = async (token: string) =>
    (
      await station.app.inject({
        method: "POST",
        url: "/api/orders",
        headers: { authorization: `Bearer ${token}` },
        payload: {},
      })
    ).statusCode;

  /** What a pull does with changed users: replaces the cache. */
  const pullUsers = (
    change: (entry: { username: string; active: boolean; role: string; passwordHash: string }) => object,
  ) =>
    station.db.credentials.replaceAll(
      station.db.credentials.list().map((entry) => ({ ...entry, ...change(entry) })) as never,
    );

  it("ends a deactivated user's sessions, and keeps the others'", async () => {
    const cashier = await station.login("thungan", "1234", "offline");
    const owner = await station.login("admin", "admin123", "offline");
    expect(await canOpenOrders(cashier)).toBe(201);
    pullUsers((entry) => (entry.username === "thungan" ? { active: false } : {}));
    expect(await canOpenOrders(cashier)).toBe(401);
    expect(await canOpenOrders(owner)).toBe(201);
    pullUsers(() => ({ active: true }));
  });

  it("ends the sessions of a demoted manager and of a user whose password changed", async () => {
    const owner = await station.login("admin", "admin123", "offline");
    pullUsers((entry) => (entry.username === "admin" ? { role: "cashier" } : {}));
    expect(await canOpenOrders(owner)).toBe(401);
    pullUsers((entry) => (entry.username === "admin" ? { role: "owner" } : {}));
    const cashier = await station.login("thungan", "1234", "offline");
    pullUsers((entry) => (entry.username === "thungan" ? { passwordHash: `${entry.passwordHash}x` } : {}));
    expect(await canOpenOrders(cashier)).toBe(401);
  });
});
