import { rmSync } from "node:fs";
import type { Op } from "@quay/core";
import { PROTOCOL_VERSION } from "@quay/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StationDb } from "../db/station-db.js";
import { type TestStation, waitFor } from "../station.test-support.js";
import type { FakeServer } from "../sync/fake-server.test-support.js";
import { cashierAt, provisionedSpokeDir, registerSpoke, SPOKE_ID, startHub } from "./hub.test-support.js";

/** The hub tier's sync calls, as a spoke speaks them (docs/sync-protocol.md, "The hub tier"). */
describe("a station as its shop's hub", () => {
  let cloud: FakeServer;
  let hub: TestStation;
  let spokeDir: string;
  let spokeStore: StationDb;
  let deviceToken: string;

  beforeAll(async () => {
    ({ cloud, hub } = await startHub());
    spokeDir = provisionedSpokeDir(hub);
    spokeStore = StationDb.open(spokeDir);
  });
  afterAll(async () => {
    spokeStore.close();
    rmSync(spokeDir, { recursive: true, force: true });
    await hub.close();
    await cloud.close();
  });

  const call = async (method: "GET" | "POST", url: string, token: string | undefined, payload?: unknown) => {
    const answer = await hub.app.inject({
      method,
      url,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return {
      status: answer.statusCode,
      body: answer.json() as Record<string, unknown> & { error?: { code: string } },
    };
  };
  const push = (ops: readonly unknown[], token = deviceToken) =>
    call("POST", "/api/sync/push", token, { protocolVersion: PROTOCOL_VERSION, ops });
  const pull = (cursor: number, limit = 100, token = deviceToken, version?: number) =>
    call(
      "GET",
      `/api/sync/pull?cursor=${cursor}&limit=${limit}${version === undefined ? "" : `&protocolVersion=${version}`}`,
      token,
    );
  const opCount = () => (hub.db.db.prepare("SELECT count(*) AS n FROM ops").get() as { n: number }).n;
  /** A paid sale at the spoke's file: its ops, as the spoke would push them. */
  const spokeSale = (): Op[] => {
    const { orders, actor } = cashierAt(spokeStore);
    const item = spokeStore.catalog()?.items[0];
    let order = orders.create(actor, null);
    order = orders.addLine(actor, order.id, { itemId: item?.id ?? "", quantity: 2 });
    orders.pay(actor, order.id, "cash", order.total);
    return spokeStore.orders.opsOf(order.id);
  };

  it("registers a spoke with a staff session here, and only a manager takes over a known one", async () => {
    expect((await call("POST", "/api/sync/register", undefined, {})).status).toBe(401);
    const first = await registerSpoke(hub);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    deviceToken = first.body.deviceToken;
    const session = await hub.login("thungan", "1234", "offline");
    const noId = await call("POST", "/api/sync/register", session, {
      protocolVersion: PROTOCOL_VERSION,
      name: "x",
    });
    expect([noId.status, noId.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
    const itself = await registerSpoke(hub, hub.db.identity()?.stationId);
    expect(itself.status).toBe(403);
    expect((await registerSpoke(hub)).status).toBe(403); // a cashier naming a known spoke
    const byOwner = await registerSpoke(hub, SPOKE_ID, "admin", "admin123");
    expect(byOwner.status).toBe(200);
    expect((await pull(0, 10, deviceToken)).status).toBe(401); // the earlier token is cut off
    deviceToken = byOwner.body.deviceToken;
    // A person's session opens no device route, and a device token no person's route.
    expect((await pull(0, 10, session)).status).toBe(401);
    expect((await call("GET", "/api/orders", deviceToken)).status).toBe(401);
  });

  it("stores a spoke's push once however often it comes, and relays it to the cloud", async () => {
    const ops = spokeSale();
    const first = await push(ops);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.held).toEqual(ops.map((op) => op.id));
    const count = opCount();
    const again = await push([...ops, ...ops]);
    expect(again.status).toBe(200);
    expect(again.body.held).toEqual(ops.map((op) => op.id));
    expect(opCount()).toBe(count);
    const orderId = ops[0]?.orderId ?? "";
    expect(hub.db.orders.getOrder(orderId)?.status).toBe("paid");
    // Entered unsynced: the hub pushes it to the cloud as it pushes its own.
    await waitFor(() => ops.every((op) => cloud.ops.has(op.id)), 5_000, "the relay to the cloud");
  });

  it("refuses a conflicting copy, another device's op and a stranger's, changing nothing", async () => {
    const ops = spokeSale();
    const count = opCount();
    const [open, line] = ops as [Op, Op, ...Op[]];
    const altered = { ...line, at: new Date(Date.parse(line.at) + 1).toISOString() };
    const conflict = await push([open, line, altered]);
    expect([conflict.status, conflict.body.error?.code]).toEqual([409, "OP_CONFLICT"]);
    const forged = await push(ops.map((op) => ({ ...op, deviceId: "0190a000-0000-7000-8000-0000000000f9" })));
    expect([forged.status, forged.body.error?.code]).toEqual([403, "OP_WRONG_DEVICE"]);
    const stranger = await push(ops.map((op) => ({ ...op, userId: "0190a000-0000-7000-8000-0000000000aa" })));
    expect([stranger.status, stranger.body.error?.code]).toEqual([403, "OP_USER_UNKNOWN"]);
    expect(opCount()).toBe(count);
    expect(hub.db.orders.getOrder(open.orderId)).toBeNull();
    expect((await push(ops)).status).toBe(200);
    const later = await push([{ ...open }, altered]);
    expect([later.status, later.body.error?.code]).toEqual([409, "OP_CONFLICT"]);
    // No line after the spoke's own close, as at the cloud.
    const last = ops.at(-1) as Op;
    const lineAfterClose = {
      ...line,
      id: "0190a000-0000-7000-8000-00000000ab01",
      deviceSeq: last.deviceSeq + 1,
      at: new Date(Date.parse(last.at) + 60_000).toISOString(),
      data: { ...(line.data as object), lineId: "0190a000-0000-7000-8000-00000000ab02" },
    };
    const afterClose = await push([lineAfterClose]);
    expect([afterClose.status, afterClose.body.error?.code]).toEqual([409, "ORDER_PAID"]);
    expect(hub.db.orders.opsOf(open.orderId)).toHaveLength(ops.length);
  });

  it("takes a spoke cashier's merge, but not a void that only says it was one", async () => {
    const { orders, actor } = cashierAt(spokeStore);
    const item = spokeStore.catalog()?.items[0];
    const from = orders.addLine(actor, orders.create(actor, null).id, {
      itemId: item?.id ?? "",
      quantity: 2,
    });
    const into = orders.create(actor, null);
    const placed = [...spokeStore.orders.opsOf(from.id), ...spokeStore.orders.opsOf(into.id)];
    expect((await push(placed)).status).toBe(200);
    const [lineOp] = spokeStore.orders.opsOf(from.id).filter((op) => op.kind === "addLine");
    if (!lineOp) throw new Error("no line");
    const forged = {
      ...lineOp,
      id: "0190a000-0000-7000-8000-00000000ac01",
      deviceSeq: lineOp.deviceSeq + 100,
      kind: "voidLine",
      data: { lineId: from.lines[0]?.id, reason: "Gộp", mergedInto: into.id },
    };
    const refused = await push([forged]);
    expect([refused.status, refused.body.error?.code]).toEqual([403, "OP_NOT_ALLOWED"]);
    orders.merge(actor, from.id, into.id);
    const merged = [...spokeStore.orders.opsOf(from.id), ...spokeStore.orders.opsOf(into.id)];
    const taken = await push(merged);
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(hub.db.orders.getOrder(from.id)?.status).toBe("void");
  });

  it("takes a spoke cashier's split with the line it added, but not a split alone", async () => {
    const { orders, actor } = cashierAt(spokeStore);
    const item = spokeStore.catalog()?.items[0];
    const bill = orders.addLine(actor, orders.create(actor, null).id, {
      itemId: item?.id ?? "",
      quantity: 3,
    });
    expect((await push(spokeStore.orders.opsOf(bill.id))).status).toBe(200);
    const { split } = orders.split(actor, bill.id, {
      lines: [{ lineId: bill.lines[0]?.id ?? "", quantity: 2 }],
    });
    const splitOp = spokeStore.orders.opsOf(bill.id).find((op) => op.kind === "splitLine");
    if (!splitOp) throw new Error("no split");
    const refused = await push([splitOp]);
    expect([refused.status, refused.body.error?.code]).toEqual([403, "OP_NOT_ALLOWED"]);
    const taken = await push([...spokeStore.orders.opsOf(split.id), splitOp]);
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(hub.db.orders.getOrder(bill.id)?.lines[0]?.quantity).toBe(1);
    expect(hub.db.orders.getOrder(split.id)?.lines[0]?.quantity).toBe(2);
  });

  it("answers a pull with the others' ops in pages, the catalog and the users first, and events", async () => {
    const cashier = await hub.login("thungan", "1234", "offline");
    const mine = await call("POST", "/api/orders", cashier, {});
    expect(mine.status).toBe(201);
    const pages: Op[][] = [];
    let cursor = 0;
    let first: Record<string, unknown> | undefined;
    for (;;) {
      const page = await pull(cursor, 1);
      expect(page.status).toBe(200);
      first ??= page.body;
      pages.push(page.body.ops as Op[]);
      cursor = page.body.cursor as number;
      if (!page.body.more) break;
    }
    expect(first?.catalog).not.toBeNull();
    expect(((first?.users ?? []) as unknown[]).length).toBeGreaterThan(0);
    const all = pages.flat();
    expect(pages.every((page) => page.length <= 1)).toBe(true);
    expect(all.some((op) => op.deviceId === SPOKE_ID)).toBe(false);
    expect(all.some((op) => op.orderId === mine.body.id)).toBe(true);
    expect(cursor).toBe(hub.db.hubLog.head());
    const caughtUp = await pull(cursor);
    expect([caughtUp.body.ops, caughtUp.body.catalog, caughtUp.body.users]).toEqual([[], null, null]);
    // A new catalog at the hub (pulled from the cloud) takes a number: spokes pull it again, alone.
    const catalog = hub.db.catalog();
    if (!catalog) throw new Error("no catalog");
    hub.db.transaction(() => hub.db.replaceCatalog({ ...catalog, items: catalog.items.slice(1) }));
    const newCatalog = await pull(cursor);
    // The hub's own sync may log what it pulls meanwhile: the catalog's number is among the new ones.
    expect(newCatalog.body.cursor).toBeGreaterThan(cursor);
    expect((newCatalog.body.catalog as typeof catalog).items).toHaveLength(catalog.items.length - 1);
    expect(newCatalog.body.users).toBeNull();
    hub.db.transaction(() => hub.db.replaceCatalog(catalog));

    const address = hub.app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const abort = new AbortController();
    const stream = await fetch(`http://127.0.0.1:${port}/api/sync/events`, {
      headers: { authorization: `Bearer ${deviceToken}` },
      signal: abort.signal,
    });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();
    let text = "";
    const head = hub.db.hubLog.head();
    await call("POST", "/api/orders", cashier, {});
    while (!text.includes(`"cursor":${head + 1}`)) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    abort.abort();
    expect(text).toContain(`event: changed\ndata: {"cursor":${head}}`);
    expect(text).toContain(`"cursor":${head + 1}`);
  });

  it("leaves a refund out of a pull by a spoke too old to read it", async () => {
    const { orders } = cashierAt(hub.db);
    const owner = {
      userId: hub.db.credentials.findByUsername("admin")?.userId ?? "",
      role: "owner" as const,
    };
    const item = hub.db.catalog()?.items[0];
    let order = orders.create(owner, null);
    order = orders.addLine(owner, order.id, { itemId: item?.id ?? "", quantity: 1 });
    order = orders.pay(owner, order.id, "cash", order.total);
    orders.refund(owner, order.id, { amount: order.total, method: "cash", reason: "khách trả món" });
    const kindsOf = (ops: unknown) =>
      (ops as Op[]).filter((op) => op.orderId === order.id).map((op) => op.kind);
    const older = await pull(0, 10_000);
    expect(kindsOf(older.body.ops)).toEqual(["open", "addLine", "addPayment", "close"]);
    const current = await pull(0, 10_000, deviceToken, PROTOCOL_VERSION);
    expect(kindsOf(current.body.ops)).toEqual(["open", "addLine", "addPayment", "close", "refund"]);
    expect(current.body.cursor).toBe(older.body.cursor);
  });

  it("leaves the kitchen's ready out of an older spoke's pull, its cursor moving past it", async () => {
    const { orders, actor } = cashierAt(hub.db);
    const item = hub.db.catalog()?.items[0];
    const start = hub.db.hubLog.head();
    let order = orders.create(actor, null);
    order = orders.addLine(actor, order.id, { itemId: item?.id ?? "", quantity: 1 });
    orders.markReady(actor, order.id, [order.lines[0]?.id ?? ""]);
    const kinds = (page: { body: Record<string, unknown> }) =>
      (page.body.ops as Op[]).filter((op) => op.orderId === order.id).map((op) => op.kind);
    const unnamed = await pull(start);
    expect(kinds(unnamed)).toEqual(["open", "addLine"]);
    expect(unnamed.body.cursor).toBe(hub.db.hubLog.head());
    const current = await call(
      "GET",
      `/api/sync/pull?cursor=${start}&limit=100&protocolVersion=${PROTOCOL_VERSION}`,
      deviceToken,
    );
    expect(kinds(current)).toEqual(["open", "addLine", "markReady"]);
    expect(current.body.cursor).toBe(unnamed.body.cursor);
  });
});
