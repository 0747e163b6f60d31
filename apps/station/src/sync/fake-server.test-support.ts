import { hashSecret, hubPassPublicKey, hubPassSigningKey, newHubPassKey, signHubPass } from "@quay/auth";
import type { Op } from "@quay/core";
import {
  type CatalogSnapshot,
  type CredentialEntry,
  type SoldOutMark,
  STORE_SETTING_DEFAULTS,
} from "@quay/protocol";
import Fastify, { type FastifyRequest } from "fastify";
import type { SyncBackend } from "./sync-engine-suite.test-support.js";

export const STORE_ID = "0190a000-0000-7000-8000-000000000001";
const CATEGORY_ID = "0190a000-0000-7000-8000-000000000002";
const AREA_ID = "0190a000-0000-7000-8000-000000000003";
export const TABLE_ID = "0190a000-0000-7000-8000-000000000004";
export const ITEM_ID = "0190a000-0000-7000-8000-000000000005";
export const ITEM2_ID = "0190a000-0000-7000-8000-000000000006";
const PHONE_DEVICE = "phone-1";

export const FAKE_CATALOG: CatalogSnapshot = {
  store: {
    id: STORE_ID,
    code: "CH01",
    name: "Quán Cà Phê Demo",
    address: "1 Lê Lợi, Quận 1",
    phone: "0900000000",
    timeZone: "Asia/Ho_Chi_Minh",
    autoSync: false,
    bank: null,
    ...STORE_SETTING_DEFAULTS,
  },
  categories: [{ id: CATEGORY_ID, name: "Cà phê", sortOrder: 1 }],
  items: [
    {
      id: ITEM_ID,
      categoryId: CATEGORY_ID,
      name: "Cà phê sữa đá",
      price: 29_000,
      vatRate: 8,
      unit: "ly",
      active: true,
      soldOut: false,
      soldOutAt: null,
    },
    {
      id: ITEM2_ID,
      categoryId: CATEGORY_ID,
      name: "Bạc xỉu",
      price: 35_000,
      vatRate: 8,
      unit: "ly",
      active: true,
      soldOut: false,
      soldOutAt: null,
    },
  ],
  areas: [{ id: AREA_ID, name: "Trong nhà", sortOrder: 1 }],
  printers: [],
  tables: [{ id: TABLE_ID, areaId: AREA_ID, name: "Bàn 1", sortOrder: 1 }],
};

interface StoredOp {
  seq: number;
  op: Op;
}

/**
 * An in-memory stand-in for the server's sync API (login, register, push, pull, events), for
 * the station's own tests. `setAvailable(false)` makes it reset every connection.
 */
export async function startFakeServer() {
  const users: CredentialEntry[] = [
    {
      userId: "0190a000-0000-7000-8000-0000000000a1",
      username: "admin",
      name: "Chủ quán",
      role: "owner",
      passwordHash: await hashSecret("admin123"),
      pinHash: await hashSecret("9999"),
      active: true,
    },
    {
      userId: "0190a000-0000-7000-8000-0000000000a2",
      username: "thungan",
      name: "Thu ngân",
      role: "cashier",
      passwordHash: await hashSecret("1234"),
      pinHash: null,
      active: true,
    },
    {
      userId: "0190a000-0000-7000-8000-0000000000b9",
      username: "phucvu",
      name: "Phục vụ",
      role: "waiter",
      passwordHash: await hashSecret("5678"),
      pinHash: null,
      active: true,
    },
  ];
  const passwords: Record<string, string> = { admin: "admin123", thungan: "1234", phucvu: "5678" };
  /** How often a station registered: a phone's login must never make it. */
  let registrations = 0;
  const ops = new Map<string, StoredOp>();
  const receivedAt = new Map<string, number>();
  const pushes: { ops: number; orders: number }[] = [];
  /** Sold-out toggles the station sent (`POST /api/sync/sold-out`), in arrival order. */
  const soldOutMarks: SoldOutMark[] = [];
  let seq = 0;
  let available = true;
  let catalog = FAKE_CATALOG;
  let silent = false;
  let stationId: string | null = null;
  /** Whether the station's device token still works (a manager may have revoked it). */
  let deviceAccepted = true;
  const listeners = new Set<(cursor: number) => void>();
  // The cloud's hub-pass key: stations get the public half when they report their addresses.
  const passKey = hubPassSigningKey(newHubPassKey());
  const networkReports: unknown[] = [];

  const app = Fastify();
  app.addHook("onRequest", async (request) => {
    if (!available) request.raw.socket.destroy();
    if (silent) await new Promise(() => {}); // never answered: a black-holed link
  });
  app.get("/healthz", async () => ({ ok: true }));
  app.post<{ Body: { username: string; password: string } }>("/api/login", async (request, reply) => {
    const { username, password } = request.body;
    const user = users.find((entry) => entry.username === username);
    if (!user || passwords[username] !== password) {
      return reply.code(401).send({ error: { code: "BAD_CREDENTIALS", message: "no" } });
    }
    return {
      token: `user-${user.userId}`,
      user: { id: user.userId, username, name: user.name, role: user.role },
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      stores: [{ id: STORE_ID, code: "CH01", name: "Quán Cà Phê Demo" }],
    };
  });
  app.post<{ Body: { stationId?: string } }>("/api/sync/register", async (request, reply) => {
    // As the server does: only an owner or a manager re-registers a known station.
    const known = request.body.stationId !== undefined && request.body.stationId === stationId;
    const caller = users.find((user) => request.headers.authorization === `Bearer user-${user.userId}`);
    if (known && caller?.role !== "owner" && caller?.role !== "manager")
      return reply.code(403).send({ error: { code: "FORBIDDEN", message: "no" } });
    registrations += 1;
    deviceAccepted = true;
    stationId = request.body.stationId ?? "0190a000-0000-7000-8000-0000000000f1";
    return { stationId, stationCode: "Q1", deviceToken: "device-token", store: FAKE_CATALOG.store };
  });
  const deviceRefused = (request: FastifyRequest) =>
    !deviceAccepted || request.headers.authorization !== "Bearer device-token";
  let pushesCome = 0;
  /** Awaited before each push is handled, with its place among the pushes that came (0, 1, …). */
  let beforePush: (index: number) => Promise<void> | undefined = () => undefined;
  let outOfOrder = 0;
  app.post<{ Body: { ops: Op[]; follows?: string } }>(
    "/api/sync/push",
    { bodyLimit: 64 * 1024 * 1024 },
    async (request, reply) => {
      if (deviceRefused(request)) return reply.code(401).send({});
      await beforePush(pushesCome++);
      const { follows } = request.body;
      if (follows !== undefined && !ops.has(follows)) {
        outOfOrder += 1;
        return reply.code(409).send({ error: { code: "PUSH_OUT_OF_ORDER", message: "not yet" } });
      }
      for (const op of request.body.ops) {
        if (ops.has(op.id)) continue;
        seq += 1;
        ops.set(op.id, { seq, op });
        if (!receivedAt.has(op.orderId)) receivedAt.set(op.orderId, seq);
      }
      pushes.push({
        ops: request.body.ops.length,
        orders: new Set(request.body.ops.map((op) => op.orderId)).size,
      });
      for (const listener of listeners) listener(seq);
      return { held: request.body.ops.map((op) => op.id), cursor: seq };
    },
  );
  app.post<{ Body: { marks: SoldOutMark[] } }>("/api/sync/sold-out", async (request, reply) => {
    if (deviceRefused(request)) return reply.code(401).send({});
    soldOutMarks.push(...request.body.marks);
    return { cursor: seq };
  });
  app.get<{ Querystring: { cursor: string; limit: string } }>("/api/sync/pull", async (request, reply) => {
    if (deviceRefused(request)) return reply.code(401).send({});
    const cursor = Number(request.query.cursor);
    const limit = Number(request.query.limit);
    const after = [...ops.values()].filter((entry) => entry.seq > cursor);
    const page = after.filter((entry) => entry.op.deviceId !== stationId).slice(0, limit);
    const last = page.length === limit ? (page.at(-1)?.seq ?? cursor) : seq;
    return {
      cursor: last,
      more: last < seq,
      ops: page.map((entry) => entry.op),
      catalog: cursor === 0 ? catalog : null,
      users: cursor === 0 ? users : null,
      serverTime: new Date().toISOString(),
    };
  });
  app.put("/api/stations/self/network", async (request, reply) => {
    if (deviceRefused(request)) return reply.code(401).send({});
    networkReports.push(request.body);
    return { passKey: hubPassPublicKey(passKey) };
  });
  app.get("/api/sync/events", (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { "content-type": "text/event-stream" });
    reply.raw.write(": connected\n\n");
    const listener = (cursor: number) => reply.raw.write(`event: changed\ndata: {"cursor":${cursor}}\n\n`);
    listeners.add(listener);
    request.raw.on("close", () => listeners.delete(listener));
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    ops,
    pushes,
    registrations: () => registrations,
    /** Server sequence at which each order's first op arrived. */
    receivedAt,
    soldOutMarks,
    /** What the station said of its place on the shop's network, each report in turn. */
    networkReports,
    /** A hub pass as the cloud signs it: for `userId` at `storeId` (the station's) until `expiresAtMs`. */
    issuePass(userId: string, options: { storeId?: string; expiresAtMs?: number } = {}) {
      const expiresAtMs = options.expiresAtMs ?? Date.now() + 3_600_000;
      const claims = {
        sub: userId,
        store: options.storeId ?? STORE_ID,
        iat: 0,
        exp: Math.floor(expiresAtMs / 1000),
      };
      return signHubPass(claims, passKey);
    },
    /** Holds pushes up, each as `hold` says (by its place among the pushes that came). */
    holdPushes(hold: (index: number) => Promise<void> | undefined) {
      beforePush = hold;
    },
    /** Pushes refused for coming before the one they follow. */
    outOfOrder: () => outOfOrder,
    /** Refuses the device token (401, as for a revoked station) until the station registers anew. */
    revokeStation() {
      deviceAccepted = false;
    },
    setAvailable(value: boolean) {
      available = value;
      if (silent) app.server.closeAllConnections();
      silent = false;
      if (!value) app.server.closeAllConnections();
    },
    /** Answers nothing from now on (a black-holed link) until `setAvailable`. */
    swallow() {
      silent = true;
    },
    /** The catalog a first pull gets from now on (a test's own menu). */
    setCatalog(next: CatalogSnapshot) {
      catalog = next;
    },
    /** Ops made on a phone, as the server would store them. */
    addRemote(remote: Op[]) {
      for (const op of remote) {
        seq += 1;
        ops.set(op.id, { seq, op: { ...op, deviceId: PHONE_DEVICE } });
      }
      for (const listener of listeners) listener(seq);
    },
    orderOps(orderId: string): Op[] {
      return [...ops.values()].filter((entry) => entry.op.orderId === orderId).map((entry) => entry.op);
    },
    async close() {
      app.server.closeAllConnections();
      await app.close();
    },
  };
}

export type FakeServer = Awaited<ReturnType<typeof startFakeServer>>;

/** The fake server as the sync engine's suite drives it. */
export async function startFakeBackend(): Promise<SyncBackend> {
  const server = await startFakeServer();
  return {
    url: server.url,
    cashier: { username: "thungan", password: "1234" },
    itemId: ITEM_ID,
    pushes: server.pushes,
    async setLink(link) {
      if (link === "silent") return server.swallow();
      server.setAvailable(link === "up");
    },
    async orderOps(orderId) {
      return server.orderOps(orderId);
    },
    arrivalOf: (orderId) => server.receivedAt.get(orderId),
    async phoneAddsLine(orderId, itemId) {
      const line = server.orderOps(orderId).find((op) => op.kind === "addLine");
      if (line?.kind !== "addLine") throw new Error(`order ${orderId} has no line to copy`);
      server.addRemote([
        {
          ...line,
          id: "0190b000-0000-7000-8000-0000000000b1",
          at: new Date().toISOString(),
          deviceSeq: 1,
          data: { ...line.data, itemId, lineId: "0190b000-0000-7000-8000-0000000000b2", quantity: 1 },
        },
      ]);
    },
    close: () => server.close(),
  };
}
