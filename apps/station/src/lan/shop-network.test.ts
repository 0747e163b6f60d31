import { fixedClock } from "@quay/core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestStation, type TestStation, waitFor } from "../station.test-support.js";
import { type FakeServer, startFakeServer } from "../sync/fake-server.test-support.js";
import { shopAddresses } from "./shop-addresses.js";

const CASHIER_ID = "0190a000-0000-7000-8000-0000000000a2";
const PHONE = "192.168.1.50";

describe("a hub station on the shop's network", () => {
  let server: FakeServer;
  let station: TestStation;
  let port = 0;
  const clock = fixedClock(Date.now());

  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    server.networkReports.length = 0;
    station = await startTestStation(server.url, { clock, lan: { addresses: ["127.0.0.1"] } });
    await station.app.listen({ host: "127.0.0.1", port: 0 });
    const address = station.app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterEach(() => station.close());

  const passLogin = (pass: string, remoteAddress = PHONE) =>
    station.app.inject({ method: "POST", url: "/api/login/pass", payload: { pass }, remoteAddress });
  const provisioned = async () => {
    const cashier = await station.login();
    await waitFor(() => station.db.settings.get("passKey"), 5_000, "the pass key");
    return cashier;
  };

  it("tells the cloud where phones reach it once it has a device token, and keeps the pass key", async () => {
    expect(server.networkReports).toEqual([]);
    await provisioned();
    expect(server.networkReports).toEqual([{ role: "hub", addresses: ["127.0.0.1"], port }]);
  });

  it("opens a session for a good pass, offline, with the store the waiter app keeps", async () => {
    await provisioned();
    server.setAvailable(false);
    const answer = await passLogin(server.issuePass(CASHIER_ID, { expiresAtMs: clock.now() + 60_000 }));
    expect(answer.statusCode).toBe(200);
    const body = answer.json() as { token: string; user: { username: string }; stores: { code: string }[] };
    expect([body.user.username, body.stores.map((store) => store.code)]).toEqual(["thungan", ["CH01"]]);
    const session = await station.app.inject({
      method: "GET",
      url: "/api/session",
      headers: { authorization: `Bearer ${body.token}` },
      remoteAddress: PHONE,
    });
    expect(session.json()).toMatchObject({ user: { id: CASHIER_ID }, mode: "offline" });
    server.setAvailable(true);
  });

  it("refuses an expired, another store's, a tampered pass, and one for an unknown or inactive user", async () => {
    await provisioned();
    const good = server.issuePass(CASHIER_ID, { expiresAtMs: clock.now() + 60_000 });
    const [payload, signature] = good.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>;
    const tampered = `${Buffer.from(JSON.stringify({ ...claims, exp: (claims.exp as number) + 1 })).toString("base64url")}.${signature}`;
    const refused = [
      server.issuePass(CASHIER_ID, { expiresAtMs: clock.now() - 1_000 }),
      server.issuePass(CASHIER_ID, { storeId: "0190a000-0000-7000-8000-0000000000ff" }),
      tampered,
      server.issuePass("0190a000-0000-7000-8000-0000000000ee"),
    ];
    for (const pass of refused) {
      const answer = await passLogin(pass, "192.168.1.51");
      expect([answer.statusCode, answer.json().error.code]).toEqual([401, "HUB_PASS_REFUSED"]);
    }
    const users = station.db.credentials.list();
    station.db.credentials.replaceAll(users.map((user) => ({ ...user, active: user.userId !== CASHIER_ID })));
    expect((await passLogin(good, "192.168.1.52")).json().error.code).toBe("HUB_PASS_REFUSED");
  });

  it("refuses every pass before it has the key, and throttles a sweep from one address", async () => {
    const pass = server.issuePass(CASHIER_ID);
    expect((await passLogin(pass)).json().error.code).toBe("HUB_PASS_REFUSED");
    await provisioned();
    const codes: string[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1)
      codes.push((await passLogin(`junk.${attempt}`)).json().error.code);
    expect(codes.slice(-2)).toEqual(["TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS"]);
    // Passwords share the address's count: the sweep cannot go on with PINs.
    const password = await station.app.inject({
      method: "POST",
      url: "/api/login",
      payload: { username: "thungan", password: "0000", mode: "offline" },
      remoteAddress: PHONE,
    });
    expect(password.statusCode).toBe(429);
  });

  it("lists the phones signed in from the LAN and the QR code's target, for a session only", async () => {
    const cashier = await provisioned();
    const phone = (await passLogin(server.issuePass(CASHIER_ID))).json() as { token: string };
    await station.app.inject({
      method: "GET",
      url: "/api/session",
      headers: { authorization: `Bearer ${phone.token}` },
      remoteAddress: PHONE,
    });
    const asGuest = await station.app.inject({
      method: "GET",
      url: "/api/connections",
      remoteAddress: PHONE,
    });
    expect(asGuest.statusCode).toBe(401);
    const answer = await station.app.inject({
      method: "GET",
      url: "/api/connections",
      headers: { authorization: `Bearer ${cashier}` },
    });
    // The cashier's own browser (this machine) is no phone.
    expect(answer.json()).toEqual({
      role: "hub",
      waiterAppUrls: [`http://127.0.0.1:${port}/m/`],
      spokes: [],
      phones: [
        {
          userName: "Thu ngân",
          username: "thungan",
          address: PHONE,
          lastSeenAt: new Date(clock.now()).toISOString(),
        },
      ],
    });
  });
});

describe("the shop addresses of a PC", () => {
  it("are its private, non-internal IPv4 addresses", () => {
    const entry = (address: string, family: "IPv4" | "IPv6", internal = false) => ({
      address,
      family,
      internal,
      netmask: "",
      mac: "",
      cidr: null,
      ...(family === "IPv6" ? { scopeid: 0 } : {}),
    });
    expect(
      shopAddresses({
        lo: [entry("127.0.0.1", "IPv4", true)],
        wlan0: [entry("192.168.1.10", "IPv4"), entry("fe80::1", "IPv6")],
        eth0: [entry("10.0.0.5", "IPv4"), entry("192.168.1.10", "IPv4")],
        wan: [entry("203.0.113.7", "IPv4")],
      } as Parameters<typeof shopAddresses>[0]),
    ).toEqual(["192.168.1.10", "10.0.0.5"]);
  });
});
