// The shop's hub benchmark (the shop-hub issue): with the internet cut, how long a change made at
// one counter takes to show at the other through the hub. Real processes on loopback: a cloud
// server behind a TCP proxy (the internet, cut here), a hub station, and a spoke station whose
// `--hub` goes through a second proxy (the LAN). Each round opens an order with a line at one
// counter and polls the other until it holds it; p50 and p99 of BENCH_HUB_ROUNDS rounds (50)
// each way, and the same from a waiter's phone ordering through the hub (the waiter app's calls,
// under the phone's own ids) to the spoke. Runnable alone: `node bench/shop-hub.mjs` (after `npm run build`).
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { login, ok, waitFor } from "../tests/support/http.mjs";
import { removeDir, startServer, startStation, tempDir } from "../tests/support/processes.mjs";
import { startTcpProxy } from "../tests/support/tcp-proxy.mjs";
import { percentile } from "./_stats.mjs";

const ROUNDS = Number(process.env.BENCH_HUB_ROUNDS ?? 50);

/** Milliseconds from the order's line being answered at `from` to `to` holding it. */
async function oneChange(from, to, itemId) {
  // As the waiter app sends them when `from` is a phone: its own ids, its store named.
  const phone = from.storeId ? { id: randomUUID(), storeId: from.storeId } : {};
  const order = await ok(from.url, "POST", "/api/orders", { token: from.token, body: phone });
  await ok(from.url, "POST", `/api/orders/${order.id}/lines`, {
    token: from.token,
    body: { itemId, quantity: 1, ...(from.storeId ? { lineId: randomUUID() } : {}) },
  });
  const answered = performance.now();
  for (;;) {
    const response = await fetch(`${to.url}/api/orders/${order.id}`, {
      headers: { authorization: `Bearer ${to.token}` },
    });
    const held = response.ok ? await response.json() : null;
    if (held?.lines?.length === 1) return performance.now() - answered;
    if (performance.now() - answered > 10_000) throw new Error(`order ${order.id} never arrived`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export async function run() {
  const dirs = [tempDir("bench-cloud"), tempDir("bench-hub"), tempDir("bench-spoke")];
  const server = await startServer({ dataDir: dirs[0] });
  const internet = await startTcpProxy({ targetPort: server.port });
  const hubProcess = await startStation({ serverUrl: internet.url, dataDir: dirs[1] });
  const lan = await startTcpProxy({ targetPort: hubProcess.port });
  const spokeProcess = await startStation({ serverUrl: internet.url, dataDir: dirs[2], hub: lan.url });
  try {
    const hub = { url: hubProcess.url, token: await login(hubProcess.url, "thungan", "1234", "online") };
    const spoke = {
      url: spokeProcess.url,
      token: await login(spokeProcess.url, "thungan", "1234", "online"),
    };
    await waitFor(
      async () => (await ok(spoke.url, "GET", "/api/hub", { token: spoke.token })).hub?.reachable === true,
      { timeoutMs: 15_000, what: "the spoke's hub link" },
    );
    const { items } = await ok(hub.url, "GET", "/api/catalog", { token: hub.token });
    await internet.setMode("refuse");
    for (const counter of [hub, spoke]) {
      await waitFor(async () => (await ok(counter.url, "GET", "/api/status")).mode === "offline", {
        timeoutMs: 15_000,
        what: "offline",
      });
    }
    // The waiter's phone on the shop's Wi-Fi, signed in at the hub (checked against its cache).
    const waiter = await ok(hub.url, "POST", "/api/login", {
      body: { username: "phucvu", password: "1234" },
    });
    const phone = { url: hub.url, token: waiter.token, storeId: waiter.stores[0].id };
    const toSpoke = [];
    const toHub = [];
    const phoneToSpoke = [];
    for (let round = 0; round < ROUNDS; round++) {
      toSpoke.push(await oneChange(hub, spoke, items[round % items.length].id));
      toHub.push(await oneChange(spoke, hub, items[round % items.length].id));
      phoneToSpoke.push(await oneChange(phone, spoke, items[round % items.length].id));
    }
    const row = (metric, values, p) => ({ metric, value: percentile(values, p), unit: "ms", goal: "≤ 300" });
    return {
      name: "shop-hub",
      results: [
        row("internet cut: hub → spoke p50", toSpoke, 50),
        row("internet cut: hub → spoke p99", toSpoke, 99),
        row("internet cut: spoke → hub p50", toHub, 50),
        row("internet cut: spoke → hub p99", toHub, 99),
        row("internet cut: phone → hub → spoke p50", phoneToSpoke, 50),
        row("internet cut: phone → hub → spoke p99", phoneToSpoke, 99),
      ],
    };
  } finally {
    await spokeProcess.stop();
    await hubProcess.stop();
    await server.stop();
    await internet.close();
    await lan.close();
    for (const dir of dirs) removeDir(dir);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { name, results } = await run();
  console.log(name);
  console.table(results);
}
