import { can, type Role } from "@quay/core";
import { type DeclaredRoute, declaredRoutes, isRouteAccess, publicRouteNames } from "@quay/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StationAtFakeCloud, startStationAtFakeCloud } from "../station-at-fake-cloud.test-support.js";

/** What answers without a session: the login, the status the login screen shows, the web app. */
const PUBLIC_ROUTES = [
  "POST /api/login",
  "POST /api/login/pass",
  "POST /api/logout",
  "GET /api/status",
  "GET /healthz",
  "GET /*",
];
/** What only a spoke's device token (issued by this station as its hub) opens. */
const DEVICE_ROUTES = [
  "POST /api/sync/push",
  "GET /api/sync/pull",
  "GET /api/sync/events",
  "POST /api/sync/sold-out",
];

const SOME_ID = "0190a000-0000-7000-8000-00000000dead";
const reach = (route: DeclaredRoute) => route.url.replace(/:\w+/g, SOME_ID).replace("*", "x.js");
const name = (route: DeclaredRoute) => `${route.method} ${route.url}`;

describe("station route access", () => {
  let station: StationAtFakeCloud;
  let routes: DeclaredRoute[];
  const tokens = {} as Record<"owner" | "cashier", string>;

  beforeAll(async () => {
    station = await startStationAtFakeCloud({ startSync: false });
    routes = declaredRoutes(station.app);
    tokens.owner = await station.login("admin", "admin123");
    tokens.cashier = await station.login("thungan", "1234");
  });
  afterAll(() => station.close());

  const ask = async (route: DeclaredRoute, token?: string) => {
    const response = await station.app.inject({
      method: route.method as "GET",
      url: reach(route),
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
    return route.method === "HEAD"
      ? [response.statusCode]
      : [response.statusCode, (response.json() as { error?: { code: string } }).error?.code];
  };
  const refusal = (route: DeclaredRoute, status: 401 | 403) => {
    const code = status === 401 ? "UNAUTHENTICATED" : "FORBIDDEN";
    return route.method === "HEAD" ? [status] : [status, code];
  };

  it("declares the access of every route, and keeps only the listed ones public", () => {
    for (const route of routes) expect(isRouteAccess(route.access), name(route)).toBe(true);
    expect(publicRouteNames(routes)).toEqual([...PUBLIC_ROUTES].sort());
    const device = routes.filter((route) => route.access === "device" && route.method !== "HEAD").map(name);
    expect(device.sort()).toEqual([...DEVICE_ROUTES].sort());
  });

  it("asks every caller of a guarded route to sign in first (401), and a person's session opens no device route", async () => {
    for (const route of routes.filter((candidate) => candidate.access !== "public")) {
      expect(await ask(route), name(route)).toEqual(refusal(route, 401));
    }
    for (const route of routes.filter((candidate) => candidate.access === "device")) {
      expect(await ask(route, tokens.owner), name(route)).toEqual(refusal(route, 401));
    }
  });

  it("answers a guest on the shop's network nothing public but the login, the health probe and the web app", async () => {
    const fromLan = (method: "GET" | "POST", url: string, token?: string) =>
      station.app.inject({
        method,
        url,
        remoteAddress: "192.168.1.23",
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
        ...(method === "POST"
          ? { payload: { username: "thungan", password: "wrong", mode: "offline" } }
          : {}),
      });
    expect((await fromLan("GET", "/api/status")).statusCode).toBe(401);
    expect((await fromLan("GET", "/api/status", tokens.cashier)).statusCode).toBe(200);
    expect((await fromLan("GET", "/healthz")).statusCode).toBe(200);
    expect((await fromLan("POST", "/api/login")).statusCode).toBe(401); // checked: a wrong password
    expect((await fromLan("POST", "/api/login")).json().error.code).toBe("BAD_CREDENTIALS");
    // A hub pass is judged too (this one is no pass), as the phone handed over from the cloud needs.
    const pass = await station.app.inject({
      method: "POST",
      url: "/api/login/pass",
      remoteAddress: "192.168.1.23",
      payload: { pass: "not.a-pass" },
    });
    expect(pass.json().error.code).toBe("HUB_PASS_REFUSED");
    expect((await station.app.inject({ method: "GET", url: "/api/status" })).statusCode).toBe(200);
  });

  it("refuses a cashier what a route's permission keeps for managers (403), and lets owners past", async () => {
    const withPermission = routes.flatMap((route) =>
      typeof route.access === "object" ? [{ route, permission: route.access.permission }] : [],
    );
    expect(withPermission.map(({ route }) => name(route))).toContain("POST /api/settings");
    for (const { route, permission } of withPermission) {
      for (const role of ["owner", "cashier"] as const satisfies readonly Role[]) {
        const answer = await ask(route, tokens[role]);
        if (can(role, permission)) expect([401, 403], `${role} on ${name(route)}`).not.toContain(answer[0]);
        else expect(answer, `${role} on ${name(route)}`).toEqual(refusal(route, 403));
      }
    }
  });
});
