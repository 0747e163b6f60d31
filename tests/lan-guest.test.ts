import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { login, ok } from "./support/http.mjs";
import { type RunningProcess, removeDir, startServer, startStation, tempDir } from "./support/processes.mjs";

/** A guest's phone on the shop's Wi-Fi: any address of 127/8 but the counter PC's own 127.0.0.1. */
const GUEST = "127.0.0.23";
/** A waiter's phone on the same Wi-Fi, signed in. */
const WAITER_PHONE = "127.0.0.24";

interface Answer {
  status: number;
  body: { error?: { code: string } } | string;
}

/** One HTTP call from `from` (the source address the station sees), JSON in and out. */
function callFrom(
  from: string,
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string } = {},
): Promise<Answer> {
  const target = new URL(path, url);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      target,
      {
        method,
        localAddress: from,
        headers: {
          accept: "application/json",
          ...(payload === undefined ? {} : { "content-type": "application/json" }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        timeout: 10_000,
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        // An event stream answers a headful and stays open: the status is all a refusal test needs.
        if (response.headers["content-type"]?.startsWith("text/event-stream")) {
          response.destroy();
          resolve({ status: response.statusCode ?? 0, body: "" });
          return;
        }
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => {
          let body: Answer["body"] = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    outgoing.on("timeout", () => outgoing.destroy(new Error(`${method} ${path} timed out`)));
    outgoing.on("error", reject);
    outgoing.end(payload);
  });
}

const code = (answer: Answer) => (typeof answer.body === "string" ? answer.body : answer.body.error?.code);

/**
 * A counter station as the shop's Wi-Fi sees it, with real processes: a guest without a login
 * gets nothing but the login, the health probe and the apps' files; a sweep of PINs from one
 * address is throttled, and the cashier at the counter is not locked out by it.
 */
describe("a station seen from the shop's Wi-Fi (cross-process)", () => {
  let server: RunningProcess;
  let station: RunningProcess;
  const dirs = [tempDir("lan-server"), tempDir("lan-station")];
  let cashierToken = "";

  beforeAll(async () => {
    server = await startServer({ dataDir: dirs[0] as string });
    station = await startStation({ serverUrl: server.url, dataDir: dirs[1] as string });
    cashierToken = await login(station.url, "thungan", "1234", "online");
  }, 60_000);
  afterAll(async () => {
    await station?.stop();
    await server?.stop();
    for (const dir of dirs) removeDir(dir);
  });

  it("refuses a guest without a login everywhere but the login, the health probe and the apps", async () => {
    const { orders } = await ok(station.url, "GET", "/api/orders?status=open", { token: cashierToken });
    const someOrder = orders[0]?.id ?? "00000000-0000-7000-8000-000000000000";
    const closed: [string, string, unknown?][] = [
      ["GET", "/api/status"],
      ["GET", "/api/hub"],
      ["GET", "/api/events"],
      ["GET", "/api/catalog"],
      ["GET", "/api/store"],
      ["GET", "/api/settings"],
      ["GET", "/api/session"],
      ["GET", "/api/orders?status=open"],
      ["GET", `/api/orders/${someOrder}`],
      ["POST", "/api/orders", {}],
      ["POST", "/api/sync"],
      ["GET", "/api/sync/pull?cursor=0"],
      ["POST", "/api/sync/push", { protocolVersion: 3, ops: [] }],
      ["GET", "/docs"],
      ["GET", "/docs/json"],
    ];
    for (const [method, path, body] of closed) {
      const answer = await callFrom(GUEST, station.url, method, path, body === undefined ? {} : { body });
      expect([answer.status, code(answer)], `${method} ${path}`).toEqual([401, "UNAUTHENTICATED"]);
    }
    expect((await callFrom(GUEST, station.url, "GET", "/healthz")).status).toBe(200);
    const app = await callFrom(GUEST, station.url, "GET", "/m/");
    expect(app.status).toBe(200);
    expect(String(app.body)).toContain("<html");
    // The cashier's own browser on the counter PC is not a guest.
    expect((await callFrom("127.0.0.1", station.url, "GET", "/api/status")).status).toBe(200);
  });

  it("throttles 100 wrong PINs from one address, whoever they are tried for", async () => {
    const answers: number[] = [];
    for (let guess = 0; guess < 100; guess++) {
      const username = ["thungan", "quanly", "phucvu"][guess % 3];
      const answer = await callFrom(GUEST, station.url, "POST", "/api/login", {
        body: { username, password: String(guess).padStart(4, "0"), mode: "offline" },
      });
      answers.push(answer.status);
      expect([401, 429], `guess ${guess}: ${JSON.stringify(answer.body)}`).toContain(answer.status);
    }
    const firstLock = answers.indexOf(429);
    expect(firstLock, "a lock before the hundredth guess").toBeGreaterThan(0);
    expect(firstLock).toBeLessThan(20);
    // Locked, the right password from that address waits too; the counter itself logs in.
    const right = await callFrom(GUEST, station.url, "POST", "/api/login", {
      body: { username: "thungan", password: "1234", mode: "offline" },
    });
    expect([right.status, code(right)]).toEqual([429, "TOO_MANY_ATTEMPTS"]);
    expect(await login(station.url, "quanly", "1234", "offline")).toBeTruthy();
  });

  it("throttles a signed-in phone sweeping manager PINs", async () => {
    const session = await callFrom(WAITER_PHONE, station.url, "POST", "/api/login", {
      body: { username: "phucvu", password: "1234", mode: "offline" },
    });
    expect(session.status).toBe(200);
    const token = (session.body as unknown as { token: string }).token;
    const order = await callFrom(WAITER_PHONE, station.url, "POST", "/api/orders", { token, body: {} });
    expect(order.status).toBe(201);
    const orderId = (order.body as unknown as { id: string }).id;
    const answers: (string | undefined)[] = [];
    for (let pin = 0; pin < 100; pin++) {
      const answer = await callFrom(WAITER_PHONE, station.url, "POST", `/api/orders/${orderId}/void`, {
        token,
        body: { reason: "thử", managerPin: String(pin).padStart(4, "0") },
      });
      answers.push(code(answer));
    }
    expect(answers).not.toContain(undefined);
    const firstLock = answers.indexOf("TOO_MANY_ATTEMPTS");
    expect(firstLock, `codes: ${answers.slice(0, 12)}`).toBeGreaterThan(0);
    expect(firstLock).toBeLessThan(20);
    expect(answers.slice(firstLock).every((answer) => answer === "TOO_MANY_ATTEMPTS")).toBe(true);
  });
});
