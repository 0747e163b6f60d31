import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { testEngines } from "../test-support/engines.test-support.js";
import { type Answer, type ErrorAnswerBody, TestServer } from "../test-support/test-server.test-support.js";
import { PASSWORD } from "../test-support/world.test-support.js";

const MINUTE = 60_000;
const ATTACKER = "203.0.113.7";

/** Passwords and manager PINs tried too often (docs/security.md, "Throttling"). */
describe.each(testEngines())("throttled passwords and PINs on $name", (engine) => {
  let server: TestServer;
  beforeEach(async () => {
    server = await TestServer.start(engine);
  });
  afterEach(() => server.close());
  afterAll(() => engine.dispose());

  const login = (username: string, password: string, remoteAddress = ATTACKER, language = "vi") =>
    server.call("POST", "/api/login", {
      body: { username, password },
      remoteAddress,
      headers: { "accept-language": language },
    });
  const waitOf = (answer: Answer<ErrorAnswerBody>) => Number(answer.headers["retry-after"]);
  const outcome = (answer: Answer<ErrorAnswerBody>) => [answer.status, answer.body.error?.code];

  /** Wrong passwords for `username`, each as soon as the throttle lets it in, until `failures` failed. */
  async function guess(username: string, failures: number, remoteAddress = ATTACKER) {
    for (let failed = 0; failed < failures; ) {
      const answer = await login(username, `guess-${failed}`, remoteAddress);
      if (answer.status === 429) server.clock.advance(waitOf(answer) * 1000);
      else {
        expect(outcome(answer)).toEqual([401, "BAD_CREDENTIALS"]);
        failed++;
      }
    }
  }

  it("slows a guessed password down after 5 failures, saying when to try again", async () => {
    for (let failed = 0; failed < 5; failed++) {
      expect(outcome(await login("cashiera", `guess-${failed}`))).toEqual([401, "BAD_CREDENTIALS"]);
    }
    const slowed = await login("cashiera", "guess-5");
    expect(slowed.status).toBe(429);
    expect(waitOf(slowed)).toBe(1);
    expect(slowed.body).toEqual({
      error: { code: "TOO_MANY_ATTEMPTS", message: "Bạn đã nhập sai quá nhiều lần. Thử lại sau 1 giây." },
    });
    server.clock.advance(1_000);
    expect((await login("cashiera", "guess-5")).status).toBe(401);
    expect(waitOf(await login("cashiera", "guess-6"))).toBe(2);
  });

  it("counts guesses sent in parallel one after another", async () => {
    await guess("cashiera", 4);
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) => login("cashiera", `parallel-${index}`)),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([401, 429, 429, 429, 429, 429, 429, 429]);
  });

  it("locks a username for 15 minutes from the 20th failure: the right password too, until it ends", async () => {
    await guess("cashiera", 20);
    const locked = await login("cashiera", PASSWORD, "198.51.100.1", "en");
    expect([locked.status, waitOf(locked)]).toEqual([429, 900]);
    expect(locked.body.error).toEqual({
      code: "TOO_MANY_ATTEMPTS",
      message: "Too many failed attempts. Try again in 15 minutes.",
    });
    server.clock.advance(15 * MINUTE - 1_000);
    const almost = await login("cashiera", PASSWORD, "198.51.100.1");
    expect([almost.status, waitOf(almost)]).toEqual([429, 1]);
    expect(almost.body.error?.message).toBe("Bạn đã nhập sai quá nhiều lần. Thử lại sau 1 giây.");
    server.clock.advance(1_000);
    expect((await login("cashiera", PASSWORD, "198.51.100.1")).status).toBe(200);
    // Other users, from elsewhere, were never held up.
    expect((await login("waitera", PASSWORD, "198.51.100.2")).status).toBe(200);
  });

  it("keeps a lock across a restart", async () => {
    await guess("cashiera", 20);
    server.clock.advance(5 * MINUTE);
    await server.restart();
    const locked = await login("cashiera", PASSWORD, "198.51.100.1");
    expect([locked.status, waitOf(locked)]).toEqual([429, 600]);
    expect(locked.body.error?.message).toBe("Bạn đã nhập sai quá nhiều lần. Thử lại sau 10 phút.");
  });

  it("starts a user's count over after a success", async () => {
    await guess("cashiera", 4);
    expect((await login("cashiera", PASSWORD)).status).toBe(200);
    // From another address (this one's count is not the user's), five failures in a row again.
    const elsewhere = "198.51.100.1";
    for (let failed = 0; failed < 5; failed++) {
      expect((await login("cashiera", `again-${failed}`, elsewhere)).status).toBe(401);
    }
    expect((await login("cashiera", "again-5", elsewhere)).status).toBe(429);
  });

  it("locks an address that sprays many usernames, for anyone logging in from it", async () => {
    for (let failed = 0; failed < 20; failed++) {
      server.clock.advance(MINUTE); // longer than any back-off: only the address's count grows
      expect((await login(`user-${failed}`, "1234")).status).toBe(401);
    }
    const fromThere = await login("waitera", PASSWORD);
    expect([fromThere.status, waitOf(fromThere)]).toEqual([429, 900]);
    expect((await login("waitera", PASSWORD, "198.51.100.1")).status).toBe(200);
  });

  it("keeps the counts in the database, without the secrets, and each user's under its tenant", async () => {
    await guess("cashiera", 2);
    await guess("nobody", 1);
    const everything = await server.db.query("SELECT * FROM auth_attempts");
    expect(JSON.stringify(everything)).not.toMatch(/guess-/);
    const rows = await server.db.query<{ throttle_key: string; tenant_id: string | null; failures: number }>(
      "SELECT throttle_key, tenant_id, failures FROM auth_attempts",
    );
    const byKey = rows.sort((a, b) => (a.throttle_key < b.throttle_key ? -1 : 1));
    expect(byKey.map((row) => [row.throttle_key, row.tenant_id, Number(row.failures)])).toEqual([
      ["login-from:203.0.113.7", null, 3],
      ["login:cashiera", server.world.stores.a1.tenantId, 2],
      ["login:nobody", null, 1],
    ]);
  });

  describe("manager PINs", () => {
    interface OrderBody {
      id: string;
      lines: { id: string }[];
      discount: number;
      status: string;
    }

    /** An open order of store a1 with one line, and a cashier's token. */
    async function cashierWithOrder() {
      const cashier = await server.login("cashierA");
      const opened = await server.call<OrderBody>("POST", "/api/orders", { token: cashier, body: {} });
      const withLine = await server.call<OrderBody>("POST", `/api/orders/${opened.body.id}/lines`, {
        token: cashier,
        body: { itemId: server.world.stores.a1.items[0]?.id, quantity: 2 },
      });
      return { cashier, order: withLine.body };
    }

    it("throttles PINs tried through discounts and voids, per store and caller", async () => {
      const { cashier, order } = await cashierWithOrder();
      const discount = (managerPin: string, remoteAddress = ATTACKER) =>
        server.call<ErrorAnswerBody & OrderBody>("POST", `/api/orders/${order.id}/discount`, {
          token: cashier,
          body: { amount: 1_000, reason: "khách quen", managerPin },
          remoteAddress,
        });
      const voidOrder = (managerPin: string, remoteAddress = ATTACKER) =>
        server.call<ErrorAnswerBody & OrderBody>("POST", `/api/orders/${order.id}/void`, {
          token: cashier,
          body: { reason: "nhầm", managerPin },
          remoteAddress,
        });

      for (let pin = 0; pin < 5; pin++) {
        expect(outcome(await discount(String(pin).padStart(4, "0")))).toEqual([403, "MANAGER_PIN_INVALID"]);
      }
      // Even the manager's own PIN waits its turn.
      const slowed = await voidOrder("9999");
      expect([...outcome(slowed), waitOf(slowed)]).toEqual([429, "TOO_MANY_ATTEMPTS", 1]);
      let failures = 5;
      for (let pin = 5; failures < 20; pin++) {
        const answer = await (pin % 2 ? voidOrder : discount)(String(pin).padStart(4, "0"));
        if (answer.status === 429) server.clock.advance(waitOf(answer) * 1000);
        else failures++;
      }
      // Locked for this cashier wherever they call from.
      const locked = await discount("9999", "198.51.100.1");
      expect([...outcome(locked), waitOf(locked)]).toEqual([429, "TOO_MANY_ATTEMPTS", 900]);
      expect(locked.body.error.message).toBe("Bạn đã nhập sai quá nhiều lần. Thử lại sau 15 phút.");
      server.clock.advance(15 * MINUTE);
      const approved = await discount("9999", "198.51.100.1");
      expect([approved.status, approved.body.discount]).toEqual([200, 1_000]);
      // The success cleared the cashier's count: one wrong PIN is just wrong again.
      expect(outcome(await voidOrder("0000", "198.51.100.1"))).toEqual([403, "MANAGER_PIN_INVALID"]);
    });

    it("throttles PINs per client address, across callers", async () => {
      const { cashier, order } = await cashierWithOrder();
      const waiter = await server.login("waiterA");
      for (let pin = 0; pin < 20; pin++) {
        server.clock.advance(MINUTE);
        const answer = await server.call("POST", `/api/orders/${order.id}/void`, {
          token: pin % 2 ? cashier : waiter,
          body: { reason: "nhầm", managerPin: String(1000 + pin) },
          remoteAddress: ATTACKER,
        });
        expect(outcome(answer)).toEqual([403, "MANAGER_PIN_INVALID"]);
      }
      const fromThere = await server.call("POST", `/api/orders/${order.id}/void`, {
        token: cashier,
        body: { reason: "nhầm", managerPin: "9999" },
        remoteAddress: ATTACKER,
      });
      expect([...outcome(fromThere), waitOf(fromThere)]).toEqual([429, "TOO_MANY_ATTEMPTS", 900]);
    });
  });
});
