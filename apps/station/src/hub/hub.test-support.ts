import { getRandomValues } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Actor, uuidV7Generator } from "@quay/core";
import { PROTOCOL_VERSION } from "@quay/protocol";
import { afterAll, beforeAll } from "vitest";
import { StationDb } from "../db/station-db.js";
import { OrderService } from "../selling/order-service.js";
import { startTestStation, type TestStation } from "../station.test-support.js";
import { type FakeServer, startFakeServer } from "../sync/fake-server.test-support.js";

export const SPOKE_ID = "0190a000-0000-7000-8000-0000000000f2";

/** A hub: a station provisioned at a fake cloud, listening on a real loopback port. */
export async function startHub(): Promise<{ cloud: FakeServer; hub: TestStation; url: string }> {
  const cloud = await startFakeServer();
  const hub = await startTestStation(cloud.url);
  await hub.login("thungan", "1234", "online");
  const url = await hub.app.listen({ host: "127.0.0.1", port: 0 });
  return { cloud, hub, url };
}

/** A hub and one spoke of it, each with a cashier signed in offline. */
export interface HubAndSpoke {
  cloud: FakeServer;
  hub: TestStation;
  spoke: TestStation;
  tokens: { hub: string; spoke: string };
}

/**
 * Starts a hub and a spoke before the suite's tests and closes both after. The spoke's cloud
 * never answers: what it shares, it shares through the hub. Read the fields inside the tests.
 */
export function hubAndSpokeForSuite(): HubAndSpoke {
  const pair = { tokens: { hub: "", spoke: "" } } as HubAndSpoke;
  let spokeDir = "";
  beforeAll(async () => {
    const { cloud, hub, url } = await startHub();
    Object.assign(pair, { cloud, hub });
    spokeDir = provisionedSpokeDir(hub);
    pair.spoke = await startTestStation("http://127.0.0.1:9", { dataDir: spokeDir, hubUrl: url });
    pair.tokens.hub = await hub.login("thungan", "1234", "offline");
    pair.tokens.spoke = await pair.spoke.login("thungan", "1234", "offline");
  });
  afterAll(async () => {
    await pair.spoke?.close();
    if (spokeDir) rmSync(spokeDir, { recursive: true, force: true });
    await pair.hub?.close();
    await pair.cloud?.close();
  });
  return pair;
}

/**
 * A spoke's data dir, provisioned as if it had logged in online once at the cloud as station
 * Q2 of the hub's store (the fake cloud knows one station only): identity, catalog, users.
 */
export function provisionedSpokeDir(hub: TestStation, stationId = SPOKE_ID): string {
  const dataDir = mkdtempSync(join(tmpdir(), "quay-spoke-"));
  const db = StationDb.open(dataDir);
  try {
    const identity = hub.db.identity();
    const catalog = hub.db.catalog();
    if (!identity || !catalog) throw new Error("the hub is not provisioned");
    db.transaction(() => {
      db.settings.set("stationId", stationId);
      db.settings.set("stationCode", "Q2");
      db.settings.set("deviceToken", "spoke-cloud-token");
      db.replaceCatalog(catalog);
      db.replaceUsers(hub.db.credentials.list());
    });
  } finally {
    db.close();
  }
  return dataDir;
}

/** A cashier selling straight into a station file (no process): how a test makes a spoke's ops. */
export function cashierAt(db: StationDb) {
  const clock = { now: () => Date.now() };
  const newId = uuidV7Generator(clock, (length) => getRandomValues(new Uint8Array(length)));
  const orders = new OrderService({ db, clock, newId, onOrderChanged: () => {} });
  const actor: Actor = { userId: db.credentials.findByUsername("thungan")?.userId ?? "", role: "cashier" };
  return { orders, actor };
}

/** A staff session at the hub, then the spoke's registration there: its device token. */
export async function registerSpoke(
  hub: TestStation,
  stationId = SPOKE_ID,
  username = "thungan",
  password = "1234",
) {
  const session = await hub.login(username, password, "offline");
  const answer = await hub.app.inject({
    method: "POST",
    url: "/api/sync/register",
    headers: { authorization: `Bearer ${session}` },
    payload: { protocolVersion: PROTOCOL_VERSION, stationId, name: "Quầy 2" },
  });
  return {
    status: answer.statusCode,
    body: answer.json() as { deviceToken: string; error?: { code: string } },
  };
}
