import { hostname, networkInterfaces } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StationAtFakeCloud, startStationAtFakeCloud } from "../station-at-fake-cloud.test-support.js";
import { hostNameOf } from "./host-guard.js";

describe("the station's own host names and origins", () => {
  let station: StationAtFakeCloud;
  let token: string;

  beforeAll(async () => {
    station = await startStationAtFakeCloud({ startSync: false, allowedHosts: ["kasse.lan"] });
    token = await station.login();
  });
  afterAll(() => station.close());

  const get = (host: string) =>
    station.app.inject({ url: "/api/orders", headers: { host, authorization: `Bearer ${token}` } });

  it("reads Host headers", () => {
    expect(hostNameOf("LocalHost:3000")).toBe("localhost");
    expect(hostNameOf("[::1]:3000")).toBe("::1");
    expect(hostNameOf("quay.example.")).toBe("quay.example");
    expect(hostNameOf("a b")).toBeNull();
    expect(hostNameOf("evil.example@127.0.0.1")).toBe("evil.example@127.0.0.1");
  });

  it("answers on loopback, the machine's name and addresses, and --allow-host names", async () => {
    const lan = Object.values(networkInterfaces())
      .flatMap((entries) => entries ?? [])
      .map((entry) => (entry.family === "IPv6" ? `[${entry.address}]` : entry.address));
    const names = ["localhost:3000", "127.0.0.1:3000", "[::1]:3000", hostname(), "kasse.lan:3000", ...lan];
    for (const host of names) expect((await get(host)).statusCode, host).toBe(200);
  });

  it("refuses any other Host in the error shape, whatever the session (DNS rebinding)", async () => {
    for (const host of ["evil.example", "evil.example:3000", "127.0.0.2:3000", "kasse.lan.evil.example"]) {
      const answer = await get(host);
      expect([answer.statusCode, answer.json().error.code], host).toEqual([403, "FORBIDDEN"]);
    }
    const status = await station.app.inject({ url: "/api/status", headers: { host: "evil.example" } });
    expect(status.statusCode).toBe(403);
    for (const url of ["/", "/docs/json"]) {
      const page = await station.app.inject({ url, headers: { host: "evil.example" } });
      expect(page.statusCode, url).toBe(403);
    }
  });

  it("refuses state-changing calls sent from another site", async () => {
    const post = (origin: string | undefined, host = "127.0.0.1:3000") =>
      station.app.inject({
        method: "POST",
        url: "/api/orders",
        headers: { host, authorization: `Bearer ${token}`, ...(origin ? { origin } : {}) },
        payload: {},
      });
    for (const origin of ["http://evil.example", "http://127.0.0.1:3001", "http://localhost:3000", "null"]) {
      const answer = await post(origin);
      expect([answer.statusCode, answer.json().error.code], origin).toEqual([403, "FORBIDDEN"]);
    }
    expect((await post("http://127.0.0.1:3000")).statusCode).toBe(201);
    expect((await post("http://localhost", "localhost")).statusCode).toBe(201);
    expect((await post("http://[::1]:3000", "[::1]:3000")).statusCode).toBe(201);
    // No Origin: not a browser's cross-site call (curl, the tests, the station's own tools).
    expect((await post(undefined)).statusCode).toBe(201);
    const login = await station.app.inject({
      method: "POST",
      url: "/api/login",
      headers: { origin: "http://evil.example" },
      payload: { username: "thungan", password: "1234", mode: "offline" },
    });
    expect(login.statusCode).toBe(403);
    // Reading stays possible for any origin of the station's own (the browser's CORS rules apply).
    const read = await station.app.inject({
      url: "/api/orders",
      headers: { authorization: `Bearer ${token}`, origin: "http://evil.example" },
    });
    expect(read.statusCode).toBe(200);
  });

  it("needs a session for the store, the settings and the sync trigger", async () => {
    for (const [method, url] of [
      ["GET", "/api/store"],
      ["GET", "/api/settings"],
      ["POST", "/api/sync"],
      ["GET", "/api/events"],
    ] as const) {
      const anonymous = await station.app.inject({ method, url });
      expect([anonymous.statusCode, anonymous.json().error.code], url).toEqual([401, "UNAUTHENTICATED"]);
    }
    const store = await station.app.inject({ url: "/api/store", cookies: { quay_session: token } });
    expect(store.statusCode).toBe(200);
    const settings = await station.app.inject({ url: "/api/settings", cookies: { quay_session: token } });
    expect(settings.json()).toEqual({ autoSync: false });
  });
});
