import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestDatabase, testEngines } from "./test-support/engines.test-support.js";
import { SseClient } from "./test-support/sse.test-support.js";

const BIN = fileURLToPath(new URL("../bin/quay-server.js", import.meta.url));
const REPO = fileURLToPath(new URL("../../..", import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the real `quay-server` and waits for its `listening on` line. */
function startBin(db: TestDatabase, extra: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, [BIN, "--port", "0", ...db.processEnv.args, ...extra], {
    env: { ...process.env, LOG_LEVEL: "warn", ...db.processEnv.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${output}`)), 20_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], exit });
      }
    });
    void exit.then(() => reject(new Error(`exited before listening:\n${output}`)));
  });
}

async function json<T>(url: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const response = await fetch(url, {
    method: init.method ?? "GET",
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(() => {
  // The command runs the compiled code: bring it up to date.
  execFileSync(process.execPath, [`${REPO}/node_modules/typescript/bin/tsc`, "-b", `${REPO}/apps/server`], {
    stdio: "inherit",
  });
}, 120_000);

describe.each(testEngines())("the quay-server command on $name", (engine) => {
  afterAll(() => engine.dispose());

  it("serves the demo store, keeps tokens across restarts and stops cleanly on SIGTERM", async () => {
    const db = await engine.fresh();
    const first = await startBin(db, ["--demo"]);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    const login = await json<{
      token: string;
      user: { role: string };
      stores: { code: string; name: string }[];
    }>(`${first.url}/api/login`, { method: "POST", body: { username: "admin", password: "admin123" } });
    expect(login.body.user.role).toBe("owner");
    expect(login.body.stores).toEqual([expect.objectContaining({ code: "CH01", name: "Quán Cà Phê Demo" })]);
    for (const [username, role] of [
      ["thungan", "cashier"],
      ["phucvu", "waiter"],
      ["quanly", "manager"],
    ]) {
      const other = await json<{ user: { role: string } }>(`${first.url}/api/login`, {
        method: "POST",
        body: { username, password: "1234" },
      });
      expect(other.body.user.role).toBe(role);
    }
    const catalog = await json<{
      store: { timeZone: string; bank: unknown };
      categories: { name: string }[];
      items: { name: string; price: number; vatRate: number }[];
      areas: { name: string }[];
      tables: unknown[];
    }>(`${first.url}/api/catalog`, { token: login.body.token });
    expect(catalog.body.store.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(catalog.body.categories.map((category) => category.name)).toEqual(
      expect.arrayContaining(["Cà phê", "Trà", "Nước ép", "Sinh tố", "Bánh"]),
    );
    expect(catalog.body.items.length).toBeGreaterThanOrEqual(28);
    expect(catalog.body.items.map((item) => item.name)).toContain("Cà phê sữa đá");
    expect(new Set(catalog.body.items.map((item) => item.vatRate))).toEqual(new Set([8, 10]));
    expect(catalog.body.areas.map((area) => area.name)).toEqual(["Tầng 1", "Sân vườn"]);
    expect(catalog.body.tables).toHaveLength(20);
    const printers = await json<{ printers: { name: string; categoryIds: string[]; active: boolean }[] }>(
      `${first.url}/api/printers`,
      { token: login.body.token },
    );
    // Paused until the owner gives their real addresses.
    expect(
      printers.body.printers.map((printer) => [printer.name, printer.categoryIds.length, printer.active]),
    ).toEqual([
      ["Bar", 3, false],
      ["Bếp", 1, false],
    ]);
    const orders = await json<{ orders: unknown[] }>(`${first.url}/api/orders`, { token: login.body.token });
    expect(orders.body.orders).toEqual([]);

    const stream = await SseClient.open(`${first.url}/api/events`, {
      authorization: `Bearer ${login.body.token}`,
    });
    expect(stream.status).toBe(200);
    const stopping = Date.now();
    first.child.kill("SIGTERM");
    expect(await first.exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - stopping).toBeLessThan(5_000);
    stream.close();

    const second = await startBin(db, ["--demo"]);
    const me = await json<{ user: { username: string } }>(`${second.url}/api/me`, {
      token: login.body.token,
    });
    expect([me.status, me.body.user.username]).toEqual([200, "admin"]);
    const stores = await json<{ stores: unknown[] }>(`${second.url}/api/stores`, { token: login.body.token });
    expect(stores.body.stores).toHaveLength(1);
    second.child.kill("SIGTERM");
    expect((await second.exit).code).toBe(0);
  });

  it("explains its options when given wrong ones", async () => {
    const db = await engine.fresh();
    const child = spawn(process.execPath, [BIN, "--port", "lots", ...db.processEnv.args], {
      env: { ...process.env, ...db.processEnv.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("usage: quay-server");
  });
});
