import { can, type Permission, ROLES, type Role } from "@quay/core";
import { type DeclaredRoute, declaredRoutes, isRouteAccess, publicRouteNames } from "@quay/service-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";
import type { WorldUser } from "../test-support/world.test-support.js";

/** The routes anyone may call; any other route that answers without a caller is a leak. */
const PUBLIC_ROUTES = [
  "GET /healthz",
  "POST /api/login",
  "GET /",
  "GET /m",
  "GET /m/*",
  "GET /admin",
  "GET /admin/*",
  "GET /assets/*",
];

/** One user of store a1 for each role. */
const ROLE_USERS: Record<Role, WorldUser> = {
  owner: "ownerA",
  manager: "managerA",
  cashier: "cashierA",
  waiter: "waiterA",
};

const SOME_ID = "0190a000-0000-7000-8000-00000000dead";
/** A URL that reaches the route: every parameter an id, wildcards a file name. */
const reach = (route: DeclaredRoute) => route.url.replace(/:\w+/g, SOME_ID).replace("*", "x.js");
const name = (route: DeclaredRoute) => `${route.method} ${route.url}`;
/** An event stream would stay open once let through, so only refusals are asked of them. */
const isStream = (route: DeclaredRoute) => route.url.endsWith("/events");

describe.each(testEngines())("route access on $name", (engine) => {
  let server: TestServer;
  let routes: DeclaredRoute[];
  const tokens = {} as Record<Role, string>;
  let deviceToken = "";
  /** Store a1's bank key: what its bank's notifications carry (`Authorization: Apikey …`). */
  let bankKey = "";

  beforeAll(async () => {
    server = await TestServer.start(engine);
    await server.app.ready();
    routes = declaredRoutes(server.app);
    for (const role of ROLES) tokens[role] = await server.login(ROLE_USERS[role]);
    deviceToken = (await server.registerStation("cashierA", server.world.stores.a1)).deviceToken;
    const made = await server.call<{ key: string }>(
      "POST",
      `/api/stores/${server.world.stores.a1.id}/bank-key`,
      {
        token: tokens.manager,
      },
    );
    bankKey = made.body.key;
  });
  afterAll(async () => {
    await server.close();
    await engine.dispose();
  });

  /** Status and code of a call (HEAD answers carry no body: just the status). */
  const ask = async (route: DeclaredRoute, token?: string) => {
    // A bank key goes in its own header form, as SePay sends it.
    const options =
      token === undefined
        ? {}
        : token.startsWith("Apikey ")
          ? { headers: { authorization: token } }
          : { token };
    const answer = await server.call(route.method, reach(route), options);
    return route.method === "HEAD" ? [answer.status] : [answer.status, answer.body.error?.code];
  };
  const refusal = (route: DeclaredRoute, status: 401 | 403) => {
    // A bank webhook knows no person or station: whatever else it is sent, its key is what is missing.
    if (route.access === "bank-key") return [401, "BANK_KEY_INVALID"];
    const code = status === 401 ? "UNAUTHENTICATED" : "FORBIDDEN";
    return route.method === "HEAD" ? [status] : [status, code];
  };
  const guarded = () => routes.filter((route) => route.access !== "public");
  const withPermission = () =>
    routes.flatMap((route) =>
      typeof route.access === "object" ? [{ route, permission: route.access.permission }] : [],
    );

  it("declares the access of every route, and keeps only the listed ones public", () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const route of routes) expect(isRouteAccess(route.access), name(route)).toBe(true);
    expect(publicRouteNames(routes)).toEqual([...PUBLIC_ROUTES].sort());
  });

  it("asks every caller of a guarded route to log in first (401)", async () => {
    for (const route of guarded()) expect(await ask(route), name(route)).toEqual(refusal(route, 401));
  });

  it("refuses a device token wherever a person is needed, and people on the stations' routes", async () => {
    for (const route of guarded()) {
      const other = route.access === "device" ? tokens.cashier : deviceToken;
      expect(await ask(route, other), name(route)).toEqual(refusal(route, 403));
    }
  });

  it("refuses every role without a route's permission (403 FORBIDDEN)", async () => {
    const refusedSomewhere = new Set<Permission>();
    for (const { route, permission } of withPermission()) {
      for (const role of ROLES.filter((candidate) => !can(candidate, permission))) {
        refusedSomewhere.add(permission);
        expect(await ask(route, tokens[role]), `${role} on ${name(route)}`).toEqual(refusal(route, 403));
      }
    }
    // Each permission a route declares was refused to somebody, but the one every role holds.
    const declared = new Set(withPermission().map(({ permission }) => permission));
    expect([...refusedSomewhere].sort()).toEqual([...declared].filter((p) => p !== "orders.write").sort());
  });

  it("lets every caller a route declares past the check", async () => {
    const mayCall = (role: Role, access: DeclaredRoute["access"]) =>
      access === "signed-in" || (typeof access === "object" && can(role, access.permission));
    // Logging out would end the tokens the other calls use.
    const asked = guarded().filter((route) => !isStream(route) && name(route) !== "POST /api/logout");
    for (const route of asked) {
      const callers: [string, string][] =
        route.access === "device"
          ? [["station", deviceToken]]
          : route.access === "bank-key"
            ? [["bank", `Apikey ${bankKey}`]]
            : ROLES.filter((role) => mayCall(role, route.access)).map((role) => [role, tokens[role]]);
      expect(callers.length, name(route)).toBeGreaterThan(0);
      for (const [caller, token] of callers) {
        const [status] = await ask(route, token);
        // Past the check the made-up ids and missing bodies are refused for what they are.
        expect([401, 403], `${caller} on ${name(route)}`).not.toContain(status);
      }
    }
  });
});
