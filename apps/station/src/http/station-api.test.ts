import { foldOrder, type Order } from "@quay/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestStation, type TestStation } from "../station.test-support.js";
import { fakeCloudForSuite } from "../station-at-fake-cloud.test-support.js";
import { ITEM_ID, ITEM2_ID, TABLE_ID } from "../sync/fake-server.test-support.js";

/** Each test gets a station of its own, never provisioned until the test logs in. */
describe("station API", () => {
  // The fake cloud only answers logins here (the stations do not sync), so one serves every test.
  const cloud = fakeCloudForSuite();
  let station: TestStation;
  let token = "";
  const auth = () => ({ authorization: `Bearer ${token}` });
  const call = async (method: "GET" | "POST" | "PATCH", url: string, payload?: object) => {
    const response = await station.app.inject({
      method,
      url,
      headers: auth(),
      ...(payload ? { payload } : {}),
    });
    return { status: response.statusCode, body: response.json() as Record<string, unknown> };
  };

  /** Logs the cashier in online (which provisions the station); later calls carry the token. */
  const signIn = async () => {
    token = await station.login();
  };
  const newOrder = async (payload: object = {}) =>
    (await call("POST", "/api/orders", payload)).body as unknown as Order;
  const addLine = async (orderId: string, itemId: string, quantity: number) =>
    (await call("POST", `/api/orders/${orderId}/lines`, { itemId, quantity })).body as unknown as Order;
  const payInFull = async (order: Order) =>
    (
      await call("POST", `/api/orders/${order.id}/payments`, {
        method: "cash",
        amount: order.total - order.paid,
      })
    ).body as unknown as Order;

  beforeEach(async () => {
    token = "";
    station = await startTestStation(cloud().url, { startSync: false });
  });
  afterEach(async () => {
    cloud().setAvailable(true);
    await station.close();
  });

  it("refuses offline login before the first sync", async () => {
    const response = await station.app.inject({
      method: "POST",
      url: "/api/login",
      payload: { username: "thungan", password: "1234", mode: "offline" },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      error: {
        code: "NOT_PROVISIONED",
        message: "Máy bán hàng chưa từng đồng bộ. Vui lòng đăng nhập Online một lần trước.",
      },
    });
  });

  it("answers BAD_CREDENTIALS for a wrong password online", async () => {
    const response = await station.app.inject({
      method: "POST",
      url: "/api/login",
      payload: { username: "thungan", password: "nope" },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("BAD_CREDENTIALS");
  });

  it("provisions on the first online login, then logs in offline from the cache", async () => {
    await signIn();
    expect(station.db.isProvisioned()).toBe(true);
    expect(
      station.db.credentials
        .list()
        .map((user) => user.username)
        .sort(),
    ).toEqual(["admin", "phucvu", "thungan"]);
    const offline = await station.app.inject({
      method: "POST",
      url: "/api/login",
      payload: { username: "thungan", password: "1234", mode: "offline" },
    });
    expect(offline.statusCode).toBe(200);
    expect(offline.json()).toMatchObject({ user: { username: "thungan", role: "cashier" }, mode: "offline" });
    expect(offline.headers["set-cookie"]).toContain("quay_session=");
    const wrong = await station.app.inject({
      method: "POST",
      url: "/api/login",
      payload: { username: "thungan", password: "12345", mode: "offline" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("BAD_CREDENTIALS");
    const session = await call("GET", "/api/session");
    expect(session.body).toMatchObject({ user: { username: "thungan" }, mode: "online" });
  });

  it("requires a session for selling calls, by bearer token or cookie", async () => {
    await signIn();
    const anonymous = await station.app.inject({ method: "GET", url: "/api/orders" });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe("UNAUTHENTICATED");
    const withCookie = await station.app.inject({
      method: "GET",
      url: "/api/orders",
      cookies: { quay_session: token },
    });
    expect(withCookie.statusCode).toBe(200);
  });

  it("takes a malformed session cookie for no session: 401, not 500", async () => {
    await signIn();
    for (const cookie of ["quay_session=%ZZ", "quay_session=%E0%A4%A", "quay_session=%"]) {
      const response = await station.app.inject({ method: "GET", url: "/api/orders", headers: { cookie } });
      expect([response.statusCode, response.json().error.code], cookie).toEqual([401, "UNAUTHENTICATED"]);
    }
    const past = await station.app.inject({
      method: "GET",
      url: "/api/orders",
      headers: { cookie: `theme=%ZZ; quay_session=${encodeURIComponent(token)}` },
    });
    expect(past.statusCode).toBe(200);
  });

  it("serves the catalog and the store", async () => {
    await signIn();
    const catalog = await call("GET", "/api/catalog");
    expect(catalog.status).toBe(200);
    expect(catalog.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: ITEM_ID, price: 29_000 })]),
    );
    expect(catalog.body.tables).toHaveLength(1);
    const store = await call("GET", "/api/store");
    expect(store.body).toMatchObject({ store: { code: "CH01" }, station: { code: "Q1" } });
  });

  it("sells: open, add lines, change quantity, pay in two parts → paid", async () => {
    await signIn();
    const created = await call("POST", "/api/orders", { tableId: TABLE_ID });
    expect(created.status).toBe(201);
    const order = created.body as unknown as Order;
    expect(order.number).toMatch(/^CH01-Q1-\d{8}-\d{4}$/);
    expect(order).toMatchObject({ status: "open", tableId: TABLE_ID, total: 0, paid: 0 });

    const added = await call("POST", `/api/orders/${order.id}/lines`, {
      itemId: ITEM_ID,
      quantity: 2,
      note: "ít đá",
    });
    expect(added.status).toBe(200);
    const line = (added.body as unknown as Order).lines[0];
    expect(line).toMatchObject({
      itemId: ITEM_ID,
      name: "Cà phê sữa đá",
      quantity: 2,
      unitPrice: 29_000,
      amount: 58_000,
      note: "ít đá",
    });
    await call("POST", `/api/orders/${order.id}/lines`, { itemId: ITEM2_ID, quantity: 1 });
    const patched = await call("PATCH", `/api/orders/${order.id}/lines/${line?.id}`, { quantity: 3 });
    expect(patched.body.total).toBe(3 * 29_000 + 35_000);

    const part = await call("POST", `/api/orders/${order.id}/payments`, { method: "cash", amount: 100_000 });
    expect(part.body).toMatchObject({ status: "open", paid: 100_000 });
    const rest = await call("POST", `/api/orders/${order.id}/payments`, {
      method: "transfer",
      amount: 22_000,
    });
    expect(rest.body).toMatchObject({ status: "paid", paid: 122_000, total: 122_000 });
    expect(rest.body.paidAt).not.toBeNull();

    const late = await call("POST", `/api/orders/${order.id}/lines`, { itemId: ITEM_ID, quantity: 1 });
    expect(late.status).toBe(409);
    expect((late.body.error as { code: string }).code).toBe("ORDER_PAID");

    const paid = await call("GET", "/api/orders?status=paid");
    expect((paid.body.orders as Order[]).map((o) => o.id)).toContain(order.id);
    const open = await call("GET", "/api/orders?status=open");
    expect((open.body.orders as Order[]).map((o) => o.id)).not.toContain(order.id);
  });

  it("refuses a note that is not UTF-8 instead of storing U+FFFD, and takes an empty JSON body as none", async () => {
    await signIn();
    const order = (await call("POST", "/api/orders")).body as unknown as Order;
    const bytes = Buffer.concat([
      Buffer.from(`{"itemId":"${ITEM_ID}","quantity":1,"note":"ít `),
      Buffer.from([0xc4]),
      Buffer.from('"}'),
    ]);
    const response = await station.app.inject({
      method: "POST",
      url: `/api/orders/${order.id}/lines`,
      headers: { ...auth(), "content-type": "application/json" },
      payload: bytes,
    });
    expect([response.statusCode, response.json().error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(station.db.orders.getOrder(order.id)?.lines).toEqual([]);
    const empty = await station.app.inject({
      method: "POST",
      url: "/api/orders",
      headers: { ...auth(), "content-type": "application/json" },
      payload: "",
    });
    expect(empty.statusCode).toBe(201);
  });

  it("numbers orders uniquely with the per-day counter", async () => {
    await signIn();
    const numbers = new Set<string>();
    for (let i = 0; i < 5; i++)
      numbers.add(((await call("POST", "/api/orders", {})).body.number as string) ?? "");
    expect(numbers.size).toBe(5);
  });

  it("refuses bad input and unknown things without changing anything", async () => {
    await signIn();
    const order = (await call("POST", "/api/orders")).body as unknown as Order;
    const opsBefore = station.db.orders.opsOf(order.id).length;
    const cases: [string, string, object, number, string][] = [
      ["POST", `/api/orders/${order.id}/lines`, { itemId: ITEM_ID, quantity: 0 }, 400, "VALIDATION_FAILED"],
      ["POST", `/api/orders/${order.id}/lines`, { itemId: ITEM_ID, quantity: 1.5 }, 400, "VALIDATION_FAILED"],
      [
        "POST",
        `/api/orders/${order.id}/lines`,
        { itemId: ITEM_ID, quantity: 10_000 },
        400,
        "VALIDATION_FAILED",
      ],
      ["POST", `/api/orders/${order.id}/lines`, { itemId: TABLE_ID, quantity: 1 }, 404, "NOT_FOUND"],
      ["POST", `/api/orders/${order.id}/payments`, { method: "cash", amount: 0 }, 400, "VALIDATION_FAILED"],
      [
        "POST",
        `/api/orders/${order.id}/payments`,
        { method: "cash", amount: 10 ** 12 + 1 },
        400,
        "VALIDATION_FAILED",
      ],
      [
        "POST",
        `/api/orders/${order.id}/payments`,
        { method: "bitcoin", amount: 5 },
        400,
        "VALIDATION_FAILED",
      ],
      ["PATCH", `/api/orders/${order.id}/lines/${TABLE_ID}`, { quantity: 2 }, 404, "NOT_FOUND"],
      ["POST", `/api/orders/${TABLE_ID}/lines`, { itemId: ITEM_ID, quantity: 1 }, 404, "NOT_FOUND"],
      ["POST", "/api/orders", { tableId: ITEM_ID }, 404, "NOT_FOUND"],
    ];
    for (const [method, url, payload, status, code] of cases) {
      const response = await call(method as "POST", url, payload);
      expect([url, response.status, (response.body.error as { code: string }).code]).toEqual([
        url,
        status,
        code,
      ]);
    }
    expect((await call("GET", `/api/orders/${TABLE_ID}`)).status).toBe(404);
    // An item taken off sale is known but refused, as the cloud refuses it.
    const catalog = station.db.catalog();
    if (!catalog) throw new Error("no catalog");
    const offSale = catalog.items.map((item) => (item.id === ITEM_ID ? { ...item, active: false } : item));
    station.db.replaceCatalog({ ...catalog, items: offSale });
    const refused = await call("POST", `/api/orders/${order.id}/lines`, { itemId: ITEM_ID, quantity: 1 });
    station.db.replaceCatalog(catalog);
    expect([refused.status, (refused.body.error as { code: string }).code]).toEqual([
      409,
      "ITEM_UNAVAILABLE",
    ]);
    expect(station.db.orders.opsOf(order.id)).toHaveLength(opsBefore);
  });

  it("needs a manager (or a manager's PIN) to void a line or discount", async () => {
    await signIn();
    const order = (await call("POST", "/api/orders")).body as unknown as Order;
    const added = (await call("POST", `/api/orders/${order.id}/lines`, { itemId: ITEM_ID, quantity: 1 }))
      .body as unknown as Order;
    const lineId = added.lines[0]?.id;
    const denied = await call("POST", `/api/orders/${order.id}/lines/${lineId}/void`, {
      reason: "khách đổi ý",
    });
    expect([denied.status, (denied.body.error as { code: string }).code]).toEqual([
      403,
      "MANAGER_PIN_REQUIRED",
    ]);
    const badPin = await call("POST", `/api/orders/${order.id}/lines/${lineId}/void`, {
      reason: "x",
      managerPin: "0000",
    });
    expect([badPin.status, (badPin.body.error as { code: string }).code]).toEqual([
      403,
      "MANAGER_PIN_INVALID",
    ]);
    const voided = await call("POST", `/api/orders/${order.id}/lines/${lineId}/void`, {
      reason: "khách đổi ý",
      managerPin: "9999",
    });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ lines: [], total: 0 });
    await call("POST", `/api/orders/${order.id}/lines`, { itemId: ITEM2_ID, quantity: 2 });
    const discounted = await call("POST", `/api/orders/${order.id}/discount`, {
      amount: 10_000,
      reason: "khách quen",
      managerPin: "9999",
    });
    expect(discounted.body).toMatchObject({ subtotal: 70_000, discount: 10_000, total: 60_000 });
    const moved = await call("POST", `/api/orders/${order.id}/move`, { tableId: TABLE_ID });
    expect(moved.body.tableId).toBe(TABLE_ID);
  });

  it("keeps each projection equal to the fold of its ops", async () => {
    await signIn();
    const empty = await newOrder();
    const paid = await payInFull(await addLine((await newOrder({ tableId: TABLE_ID })).id, ITEM_ID, 2));
    const amended = await addLine((await addLine((await newOrder()).id, ITEM_ID, 1)).id, ITEM2_ID, 3);
    const [first, second] = amended.lines;
    await call("PATCH", `/api/orders/${amended.id}/lines/${second?.id}`, {
      quantity: 1,
      reason: "nhập nhầm",
      managerPin: "9999",
    });
    await call("POST", `/api/orders/${amended.id}/lines/${first?.id}/void`, {
      reason: "khách đổi ý",
      managerPin: "9999",
    });
    await call("POST", `/api/orders/${amended.id}/discount`, {
      amount: 5_000,
      reason: "khách quen",
      managerPin: "9999",
    });
    await call("POST", `/api/orders/${amended.id}/move`, { tableId: TABLE_ID });
    await call("POST", `/api/orders/${amended.id}/payments`, { method: "card", amount: 10_000 });

    const orders = station.db.orders.listOrders({});
    expect(orders.map((order) => order.id).sort()).toEqual([empty.id, paid.id, amended.id].sort());
    for (const order of orders) {
      expect(foldOrder(order.id, station.db.orders.opsOf(order.id))).toEqual(order);
    }
    expect(orders.find((order) => order.id === amended.id)).toMatchObject({
      tableId: TABLE_ID,
      subtotal: 35_000,
      discount: 5_000,
      total: 30_000,
      paid: 10_000,
    });
  });

  it("reports pending work in the status", async () => {
    await signIn();
    await newOrder();
    await addLine((await newOrder()).id, ITEM_ID, 1);
    await payInFull(await addLine((await newOrder()).id, ITEM2_ID, 2));
    const status = await call("GET", "/api/status");
    expect(status.body).toMatchObject({ mode: "offline", pending: { openOrders: 2, paidOrders: 1 } });
  });

  it("answers SERVER_UNREACHABLE for an online login when the server is down", async () => {
    cloud().setAvailable(false);
    const response = await station.app.inject({
      method: "POST",
      url: "/api/login",
      payload: { username: "thungan", password: "1234", mode: "online" },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toEqual({
      code: "SERVER_UNREACHABLE",
      message: "Không kết nối được máy chủ. Chuyển sang bán hàng Offline?",
    });
  });

  it("serves a placeholder page when the cashier app is not built, and documents the API", async () => {
    const page = await station.app.inject({ method: "GET", url: "/tables/3" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    const docs = await station.app.inject({ method: "GET", url: "/docs/json" });
    expect(Object.keys(docs.json().paths)).toEqual(
      expect.arrayContaining(["/api/login", "/api/orders/{id}/payments"]),
    );
    const api = await station.app.inject({ method: "GET", url: "/api/nothing" });
    expect(api.statusCode).toBe(404);
  });
});

describe("the web apps", () => {
  it("serves the cashier's and the waiter's files, falls back to index.html for app paths, and 404s missing files", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const webRoot = mkdtempSync(join(tmpdir(), "quay-web-"));
    mkdirSync(join(webRoot, "assets"));
    writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Quầy</title>");
    writeFileSync(join(webRoot, "assets", "app-123.js"), "console.log(1)");
    mkdirSync(join(webRoot, "m"));
    writeFileSync(join(webRoot, "m", "index.html"), "<!doctype html><title>Phục vụ</title>");
    const station = await startTestStation("http://127.0.0.1:9", { startSync: false, webRoot });
    const get = (url: string) => station.app.inject({ method: "GET", url });
    expect((await get("/")).body).toContain("<title>Quầy</title>");
    expect((await get("/tables/3")).body).toContain("<title>Quầy</title>");
    // The waiter app, for phones on the shop's Wi-Fi.
    expect((await get("/m/")).body).toContain("<title>Phục vụ</title>");
    expect((await get("/m/table/1")).body).toContain("<title>Phục vụ</title>");
    const asset = await get("/assets/app-123.js");
    expect([asset.statusCode, asset.headers["cache-control"]]).toEqual([
      200,
      "public, max-age=31536000, immutable",
    ]);
    expect((await get("/assets/gone-456.js")).statusCode).toBe(404);
    expect((await get("/api/nothing")).statusCode).toBe(404);
    await station.close();
    rmSync(webRoot, { recursive: true, force: true });
  });
});
