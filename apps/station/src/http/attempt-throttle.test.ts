import { fixedClock, type Order } from "@quay/core";
import Fastify from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestStation, type TestStation } from "../station.test-support.js";
import { fakeCloudForSuite } from "../station-at-fake-cloud.test-support.js";
import { ITEM_ID } from "../sync/fake-server.test-support.js";

const MINUTE = 60_000;
const COUNTER = "127.0.0.1";

interface Answer {
  status: number;
  retryAfter: number;
  body: { error?: { code: string; message: string } } & Partial<Order> & { token?: string };
}

/** Passwords and manager PINs tried too often at the counter (docs/security.md, "Throttling"). */
describe("throttled passwords and PINs at a station", () => {
  const cloud = fakeCloudForSuite();
  let station: TestStation;
  let clock: ReturnType<typeof fixedClock>;

  beforeEach(async () => {
    clock = fixedClock(Date.now());
    station = await startTestStation(cloud().url, { startSync: false, clock });
  });
  afterEach(async () => {
    cloud().setAvailable(true);
    await station.close();
  });

  const send = async (
    method: "POST",
    url: string,
    payload: object,
    options: { token?: string; remoteAddress?: string; language?: string } = {},
  ): Promise<Answer> => {
    const response = await station.app.inject({
      method,
      url,
      payload,
      remoteAddress: options.remoteAddress ?? COUNTER,
      headers: {
        "accept-language": options.language ?? "vi",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
    });
    return {
      status: response.statusCode,
      retryAfter: Number(response.headers["retry-after"]),
      body: response.json(),
    };
  };
  const login = (password: string, mode: "online" | "offline", remoteAddress = COUNTER, language = "vi") =>
    send("POST", "/api/login", { username: "thungan", password, mode }, { remoteAddress, language });
  const outcome = (answer: Answer) => [answer.status, answer.body.error?.code];

  /** Wrong passwords, each as soon as the throttle lets it in, until `failures` failed. */
  async function guess(failures: number, mode: "online" | "offline" | "both", remoteAddress = COUNTER) {
    for (let failed = 0; failed < failures; ) {
      const chosen = mode === "both" ? (failed % 2 ? "online" : "offline") : mode;
      const answer = await login(`guess-${failed}`, chosen, remoteAddress);
      if (answer.status === 429) clock.advance(answer.retryAfter * 1000);
      else {
        expect(outcome(answer)).toEqual([401, "BAD_CREDENTIALS"]);
        failed++;
      }
    }
  }

  it("slows offline guesses down after 5 failures and locks them from the 20th, across a restart", async () => {
    await station.login(); // online once: the station can check passwords offline from now on
    for (let failed = 0; failed < 5; failed++) {
      expect(outcome(await login(`guess-${failed}`, "offline"))).toEqual([401, "BAD_CREDENTIALS"]);
    }
    const slowed = await login("guess-5", "offline");
    expect([...outcome(slowed), slowed.retryAfter]).toEqual([429, "TOO_MANY_ATTEMPTS", 1]);
    expect(slowed.body.error?.message).toBe("Bạn đã nhập sai quá nhiều lần. Thử lại sau 1 giây.");
    await guess(15, "offline");

    const locked = await login("1234", "offline", COUNTER, "en");
    expect([...outcome(locked), locked.retryAfter]).toEqual([429, "TOO_MANY_ATTEMPTS", 900]);
    expect(locked.body.error?.message).toBe("Too many failed attempts. Try again in 15 minutes.");
    clock.advance(5 * MINUTE);
    await station.close(true);
    station = await startTestStation(cloud().url, { startSync: false, clock, dataDir: station.dataDir });
    const afterRestart = await login("1234", "offline");
    expect([afterRestart.status, afterRestart.retryAfter]).toEqual([429, 600]);
    expect(afterRestart.body.error?.message).toBe("Bạn đã nhập sai quá nhiều lần. Thử lại sau 10 phút.");
    clock.advance(10 * MINUTE);
    expect((await login("1234", "offline")).status).toBe(200);
  });

  it("throttles online logins too, without asking the server while they wait", async () => {
    await guess(20, "online");
    cloud().setAvailable(false); // were the server asked, the answer would be SERVER_UNREACHABLE
    const locked = await login("1234", "online");
    expect([...outcome(locked), locked.retryAfter]).toEqual([429, "TOO_MANY_ATTEMPTS", 900]);
    cloud().setAvailable(true);
    clock.advance(15 * MINUTE);
    expect((await login("1234", "online")).status).toBe(200);
  });

  it("counts online and offline guesses together, and not the logins the server could not judge", async () => {
    await station.login();
    await guess(4, "both");
    cloud().setAvailable(false);
    expect(outcome(await login("whatever", "online"))).toEqual([503, "SERVER_UNREACHABLE"]);
    cloud().setAvailable(true);
    expect(outcome(await login("guess-4", "online"))).toEqual([401, "BAD_CREDENTIALS"]);
    expect(outcome(await login("1234", "offline"))).toEqual([429, "TOO_MANY_ATTEMPTS"]);
  });

  it("starts a user's count over after a success", async () => {
    await station.login();
    await guess(4, "offline");
    expect((await login("1234", "offline")).status).toBe(200);
    // From another address (this one's count is not the user's), five failures in a row again.
    const elsewhere = "192.168.1.20";
    for (let failed = 0; failed < 5; failed++) {
      expect((await login(`again-${failed}`, "offline", elsewhere)).status).toBe(401);
    }
    expect((await login("again-5", "offline", elsewhere)).status).toBe(429);
  });

  it("passes the server's wait on when the server throttles the login", async () => {
    const throttling = Fastify();
    throttling.post("/api/login", async (_request, reply) =>
      reply
        .code(429)
        .header("retry-after", "600")
        .send({
          error: {
            code: "TOO_MANY_ATTEMPTS",
            message: "Bạn đã nhập sai quá nhiều lần. Thử lại sau 10 phút.",
          },
        }),
    );
    const url = await throttling.listen({ host: "127.0.0.1", port: 0 });
    const behind = await startTestStation(url, { startSync: false, clock });
    try {
      const response = await behind.app.inject({
        method: "POST",
        url: "/api/login",
        payload: { username: "thungan", password: "1234", mode: "online" },
        headers: { "accept-language": "en" },
      });
      expect([response.statusCode, response.headers["retry-after"]]).toEqual([429, "600"]);
      expect(response.json()).toEqual({
        error: { code: "TOO_MANY_ATTEMPTS", message: "Too many failed attempts. Try again in 10 minutes." },
      });
    } finally {
      await behind.close();
      await throttling.close();
    }
  });

  describe("manager PINs", () => {
    /** The cashier signed in (online: provisions), with an open order of one line. */
    async function cashierWithOrder() {
      const token = await station.login();
      const opened = await send("POST", "/api/orders", {}, { token });
      const added = await send(
        "POST",
        `/api/orders/${opened.body.id}/lines`,
        { itemId: ITEM_ID, quantity: 2 },
        { token },
      );
      return { token, order: added.body as Order };
    }

    it("throttles PINs tried through discounts and voids, then lets the right one through after the lock", async () => {
      const { token, order } = await cashierWithOrder();
      const discount = (managerPin: string, remoteAddress = COUNTER) =>
        send(
          "POST",
          `/api/orders/${order.id}/discount`,
          { amount: 1_000, managerPin },
          { token, remoteAddress },
        );
      const voidOrder = (managerPin: string, remoteAddress = COUNTER) =>
        send(
          "POST",
          `/api/orders/${order.id}/void`,
          { reason: "nhầm", managerPin },
          { token, remoteAddress },
        );

      for (let pin = 0; pin < 5; pin++) {
        expect(outcome(await discount(String(pin).padStart(4, "0")))).toEqual([403, "MANAGER_PIN_INVALID"]);
      }
      const slowed = await voidOrder("9999");
      expect([...outcome(slowed), slowed.retryAfter]).toEqual([429, "TOO_MANY_ATTEMPTS", 1]);
      let failures = 5;
      for (let pin = 5; failures < 20; pin++) {
        const answer = await (pin % 2 ? voidOrder : discount)(String(pin).padStart(4, "0"));
        if (answer.status === 429) clock.advance(answer.retryAfter * 1000);
        else failures++;
      }
      const locked = await discount("9999", "192.168.1.20");
      expect([...outcome(locked), locked.retryAfter]).toEqual([429, "TOO_MANY_ATTEMPTS", 900]);
      expect(locked.body.error?.message).toBe("Bạn đã nhập sai quá nhiều lần. Thử lại sau 15 phút.");
      clock.advance(15 * MINUTE - 1_000);
      expect((await discount("9999", "192.168.1.20")).status).toBe(429);
      clock.advance(1_000);
      const approved = await discount("9999", "192.168.1.20");
      expect([approved.status, approved.body.discount]).toEqual([200, 1_000]);
      // The success cleared the cashier's count: a wrong PIN is just wrong again.
      expect(outcome(await voidOrder("0000", "192.168.1.20"))).toEqual([403, "MANAGER_PIN_INVALID"]);
    });
  });
});
