import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "./app-error.js";
import { createHttpService, type HttpService } from "./http-service.js";
import { declaredRoutes, type GuardedAccess, guardRoutes, isRouteAccess } from "./route-access.js";

class GuardError extends AppError<"UNAUTHENTICATED" | "FORBIDDEN"> {}

const service = () => createHttpService({ title: "test", version: "0", logLevel: "silent", errors: {} });

describe("route access", () => {
  let app: HttpService | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it("refuses to start while a route declares no access, naming it", async () => {
    app = await service();
    app.get("/declared", { config: { access: "public" } }, async () => ({}));
    app.post("/forgotten", async () => ({}));
    await expect(app.ready()).rejects.toThrow(/POST \/forgotten/);
  });

  it("refuses to start with a permission the core does not know", async () => {
    app = await service();
    // @ts-expect-error: not one of the core's permissions.
    app.get("/typo", { config: { access: { permission: "report.read" } } }, async () => ({}));
    await expect(app.ready()).rejects.toThrow(/GET \/typo/);
  });

  it("refuses to start when routes need a caller and nothing checks them", async () => {
    app = await service();
    app.get("/mine", { config: { access: "signed-in" } }, async () => ({}));
    await expect(app.ready()).rejects.toThrow(/guard/);
  });

  it("runs the one guard before every route that is not public, with its declared access", async () => {
    app = await service();
    const seen: GuardedAccess[] = [];
    guardRoutes(app, (request, access) => {
      seen.push(access);
      if (request.headers.authorization !== "Bearer ok") throw new GuardError("UNAUTHENTICATED");
    });
    let handled = 0;
    const handler = async () => ({ handled: ++handled });
    app.get("/open", { config: { access: "public" } }, handler);
    app.get("/reports", { config: { access: { permission: "reports.read" } } }, handler);
    app.post("/push", { config: { access: "device" } }, handler);

    expect((await app.inject("/open")).statusCode).toBe(200);
    expect(seen).toEqual([]);
    const refused = await app.inject({ method: "POST", url: "/push", payload: { big: "body" } });
    expect([refused.statusCode, refused.json().error.code]).toEqual([401, "UNAUTHENTICATED"]);
    const answered = await app.inject({ url: "/reports", headers: { authorization: "Bearer ok" } });
    expect(answered.statusCode).toBe(200);
    expect(seen).toEqual(["device", { permission: "reports.read" }]);
    expect(handled).toBe(2);
    // Unknown paths and the OpenAPI reference need nobody.
    expect((await app.inject("/nowhere")).statusCode).toBe(404);
    expect((await app.inject("/docs/json")).statusCode).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it("lists every route with its access, the reference's and the HEAD routes too", async () => {
    app = await service();
    guardRoutes(app, () => {});
    app.get("/reports", { config: { access: { permission: "reports.read" } } }, async () => ({}));
    await app.ready();
    const routes = declaredRoutes(app);
    expect(routes).toContainEqual({ method: "GET", url: "/reports", access: { permission: "reports.read" } });
    expect(routes).toContainEqual({
      method: "HEAD",
      url: "/reports",
      access: { permission: "reports.read" },
    });
    expect(routes).toContainEqual(
      expect.objectContaining({ method: "GET", url: "/docs/json", access: "public" }),
    );
    expect(routes.every((route) => isRouteAccess(route.access))).toBe(true);
  });
});
