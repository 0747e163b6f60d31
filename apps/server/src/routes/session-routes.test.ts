import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { TestServer } from "../test-support/test-server.test-support.js";
import { PASSWORD } from "../test-support/world.test-support.js";

interface LoginBody {
  token: string;
  user: { id: string; username: string; name: string; role: string };
  expiresAt: string;
  stores: { id: string; code: string; name: string }[];
}

describe.each(testEngines())("sessions on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  it("logs in with username and password, whatever the username's case", async () => {
    const answer = await server.call<LoginBody>("POST", "/api/login", {
      body: { username: "  CashierA ", password: PASSWORD },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.user).toEqual({
      id: server.world.users.cashierA.id,
      username: "cashiera",
      name: "cashierA",
      role: "cashier",
    });
    expect(answer.body.stores).toEqual([{ id: server.world.stores.a1.id, code: "CH01", name: "Cà phê A1" }]);
    expect(Date.parse(answer.body.expiresAt) - server.clock.now()).toBeGreaterThanOrEqual(12 * 3600_000);
    expect(String(answer.headers["set-cookie"])).toMatch(/^quay_session=.+; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it("gives an owner every store of the tenant", async () => {
    const answer = await server.call<LoginBody>("POST", "/api/login", {
      body: { username: "ownera", password: PASSWORD },
    });
    expect(answer.body.stores.map((store) => store.code)).toEqual(["CH01", "CH02"]);
  });

  it("refuses wrong passwords and unknown users alike, in Vietnamese or English", async () => {
    const wrong = await server.call("POST", "/api/login", {
      body: { username: "cashiera", password: "nope" },
    });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, "BAD_CREDENTIALS"]);
    expect(wrong.body.error.message).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
    const unknown = await server.call("POST", "/api/login", {
      body: { username: "ghost", password: PASSWORD },
      headers: { "accept-language": "en-US,en;q=0.9" },
    });
    expect(unknown.body.error).toEqual({ code: "BAD_CREDENTIALS", message: "Wrong username or password." });
    const empty = await server.call("POST", "/api/login", { body: { username: "", password: "" } });
    expect([empty.status, empty.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
  });

  it("refuses a username or password holding U+0000 alike on both engines (400, not 500)", async () => {
    for (const body of [
      { username: "a\u0000b", password: PASSWORD },
      { username: "cashiera", password: "\u0000" },
    ]) {
      const answer = await server.call("POST", "/api/login", { body });
      expect([answer.status, answer.body.error.code], JSON.stringify(body)).toEqual([
        400,
        "VALIDATION_FAILED",
      ]);
    }
  });

  it("answers 401 UNAUTHENTICATED without a valid token", async () => {
    for (const token of [undefined, "garbage", "a.b", `${(await server.login("cashierA")).slice(0, -2)}xx`]) {
      const answer = await server.call("GET", "/api/me", token === undefined ? {} : { token });
      expect([answer.status, answer.body.error.code]).toEqual([401, "UNAUTHENTICATED"]);
    }
  });

  it("takes the token from the cookie too", async () => {
    const token = await server.login("waiterA");
    const answer = await server.call<{ user: { role: string } }>("GET", "/api/me", {
      headers: { cookie: `theme=dark; quay_session=${encodeURIComponent(token)}` },
    });
    expect([answer.status, answer.body.user.role]).toEqual([200, "waiter"]);
  });

  it("takes a malformed session cookie for no session (401, not 500), and reads the others past it", async () => {
    for (const cookie of ["quay_session=%ZZ", "quay_session=%E0%A4%A", "quay_session=%"]) {
      const answer = await server.call("GET", "/api/me", { headers: { cookie } });
      expect([answer.status, answer.body.error.code], cookie).toEqual([401, "UNAUTHENTICATED"]);
    }
    const token = await server.login("waiterA");
    const past = await server.call<{ user: { role: string } }>("GET", "/api/me", {
      headers: { cookie: `theme=%ZZ; quay_session=${encodeURIComponent(token)}` },
    });
    expect([past.status, past.body.user.role]).toEqual([200, "waiter"]);
  });

  it("ends a session on logout, and only that one", async () => {
    const first = await server.login("cashierA");
    const second = await server.login("cashierA");
    expect((await server.call("POST", "/api/logout", { token: first })).status).toBe(204);
    expect((await server.call("GET", "/api/me", { token: first })).status).toBe(401);
    expect((await server.call("GET", "/api/me", { token: second })).status).toBe(200);
  });

  it("lets tokens expire", async () => {
    const token = await server.login("cashierA");
    server.clock.advance(23 * 3600_000);
    expect((await server.call("GET", "/api/me", { token })).status).toBe(200);
    server.clock.advance(2 * 3600_000);
    expect((await server.call("GET", "/api/me", { token })).status).toBe(401);
  });

  it("keeps user and device tokens valid across a restart", async () => {
    const token = await server.login("managerA");
    const station = await server.registerStation("cashierA", server.world.stores.a1);
    await server.restart();
    expect((await server.call("GET", "/api/me", { token })).status).toBe(200);
    expect((await server.pull(station.deviceToken, 0)).status).toBe(200);
  });

  it("locks out a deactivated user at once", async () => {
    const waiter = await server.login("waiterA");
    const manager = await server.login("managerA");
    const answer = await server.call("PATCH", `/api/users/${server.world.users.waiterA.id}`, {
      token: manager,
      body: { active: false },
    });
    expect(answer.status).toBe(200);
    expect((await server.call("GET", "/api/me", { token: waiter })).status).toBe(401);
    const again = await server.call("POST", "/api/login", {
      body: { username: "waitera", password: PASSWORD },
    });
    expect(again.status).toBe(401);
  });

  it("answers /healthz while the database answers", async () => {
    const answer = await server.call<{ ok: boolean; engine: string }>("GET", "/healthz");
    expect([answer.status, answer.body]).toEqual([200, { ok: true, engine: engine.name }]);
  });

  it("serves its OpenAPI reference at /docs", async () => {
    const answer = await server.call<{ paths: Record<string, unknown> }>("GET", "/docs/json");
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/sync/push",
        "/api/sync/pull",
        "/api/reports/sales",
        "/api/orders/{id}/lines",
      ]),
    );
  });
});
