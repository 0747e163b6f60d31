import { verifySecret } from "@quay/auth";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { type OrError, TestServer } from "../test-support/test-server.test-support.js";

interface UserBody {
  id: string;
  username: string;
  role: string;
  active: boolean;
  hasPin: boolean;
  storeIds: string[];
}

describe.each(testEngines())("users on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  it("lets a manager hire cashiers and waiters for their store, who can log in at once", async () => {
    const manager = await server.login("managerA");
    const { a1 } = server.world.stores;
    const created = await server.call<OrError<UserBody>>("POST", "/api/users", {
      token: manager,
      body: {
        username: "Thu.Ngan2",
        name: "Thu ngân 2",
        role: "cashier",
        password: "1234",
        pin: "2468",
        storeIds: [a1.id],
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: "thu.ngan2",
      role: "cashier",
      hasPin: true,
      storeIds: [a1.id],
    });
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt/);
    const login = await server.call("POST", "/api/login", {
      body: { username: "thu.ngan2", password: "1234" },
    });
    expect(login.status).toBe(200);

    const station = await server.registerStation("cashierA", a1);
    const cache = await server.pull(station.deviceToken, 0);
    const entry = cache.body.users?.find((user) => user.username === "thu.ngan2");
    expect(entry?.role).toBe("cashier");
    expect(await verifySecret("1234", entry?.passwordHash ?? "")).toBe(true);

    const listed = await server.call<{ users: UserBody[] }>("GET", "/api/users", { token: manager });
    expect(listed.body.users.map((user) => user.username)).toEqual([
      "cashiera",
      "managera",
      "ownera",
      "thu.ngan2",
      "waitera",
    ]);
  });

  it("keeps managers to their staff and stores, and usernames unique", async () => {
    const manager = await server.login("managerA");
    const { a1, a2 } = server.world.stores;
    const base = { name: "Ai đó", password: "1234", storeIds: [a1.id] };
    const owner = await server.call("POST", "/api/users", {
      token: manager,
      body: { ...base, username: "x1", role: "owner" },
    });
    expect(owner.body.error.code).toBe("FORBIDDEN");
    const otherStore = await server.call("POST", "/api/users", {
      token: manager,
      body: { ...base, username: "x2", role: "waiter", storeIds: [a2.id] },
    });
    expect(otherStore.status).toBe(404);
    const taken = await server.call("POST", "/api/users", {
      token: manager,
      body: { ...base, username: "CASHIERB", role: "waiter" },
    });
    expect([taken.status, taken.body.error.code]).toEqual([409, "ALREADY_EXISTS"]);
    const promote = await server.call("PATCH", `/api/users/${server.world.users.cashierA.id}`, {
      token: manager,
      body: { role: "manager" },
    });
    expect(promote.status).toBe(403);
    const foreign = await server.call("PATCH", `/api/users/${server.world.users.cashierB.id}`, {
      token: manager,
      body: { name: "x" },
    });
    expect(foreign.status).toBe(404);
    const self = await server.call("PATCH", `/api/users/${server.world.users.managerA.id}`, {
      token: manager,
      body: { active: false },
    });
    expect(self.status).toBe(403);
    const cashier = await server.login("cashierA");
    expect((await server.call("GET", "/api/users", { token: cashier })).status).toBe(403);
    expect(await server.count("users")).toBe(7);
  });

  it("keeps a manager's changes to their own stores: staff shared with another store are the owner's", async () => {
    const { a1, a2 } = server.world.stores;
    const owner = await server.login("ownerA");
    const shared = await server.call<UserBody>("POST", "/api/users", {
      token: owner,
      body: {
        username: "hai.noi",
        name: "Hai nơi",
        role: "cashier",
        password: "1234",
        storeIds: [a1.id, a2.id],
      },
    });
    expect(shared.status).toBe(201);
    const manager = await server.login("managerA");
    for (const body of [
      { storeIds: [a1.id] },
      { active: false },
      { password: "đổi-rồi" },
      { role: "waiter" },
    ]) {
      const answer = await server.call("PATCH", `/api/users/${shared.body.id}`, { token: manager, body });
      expect([answer.status, answer.body.error?.code], JSON.stringify(body)).toEqual([403, "FORBIDDEN"]);
    }
    const [row] = await server.db.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM user_stores WHERE user_id = '${shared.body.id}'`,
    );
    expect(Number(row?.n)).toBe(2);
    const stillIn = await server.call("POST", "/api/login", {
      body: { username: "hai.noi", password: "1234" },
    });
    expect(stillIn.status).toBe(200);
    // The owner may, and a manager still runs the staff of their own store alone.
    const byOwner = await server.call<UserBody>("PATCH", `/api/users/${shared.body.id}`, {
      token: owner,
      body: { storeIds: [a1.id] },
    });
    expect(byOwner.body.storeIds).toEqual([a1.id]);
    const own = await server.call<UserBody>("PATCH", `/api/users/${shared.body.id}`, {
      token: manager,
      body: { name: "Một nơi" },
    });
    expect(own.status).toBe(200);
  });

  it("ends a user's sessions when their password changes", async () => {
    const waiter = await server.login("waiterA");
    const owner = await server.login("ownerA");
    const changed = await server.call<UserBody>("PATCH", `/api/users/${server.world.users.waiterA.id}`, {
      token: owner,
      body: { password: "new-pass", pin: "4321" },
    });
    expect(changed.body.hasPin).toBe(true);
    expect((await server.call("GET", "/api/me", { token: waiter })).status).toBe(401);
    expect(
      (await server.call("POST", "/api/login", { body: { username: "waitera", password: "new-pass" } }))
        .status,
    ).toBe(200);
  });
});
