import { OrderRuleError } from "@quay/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, tryAgainText } from "./app-error.js";
import { createHttpService, type HttpService } from "./http-service.js";

/** A service's own error class: its codes are its registry's. */
class TeapotError extends AppError<"TEAPOT" | "TOO_MANY_ATTEMPTS"> {}
/** A class whose codes nobody registered: what a service must never be able to throw. */
class StrayError extends AppError {}

describe("AppError", () => {
  it("is only thrown through a service's own class, typed by its registry", () => {
    // @ts-expect-error: AppError is abstract, so no bare string becomes a code.
    const bare = () => new AppError("TYPO");
    expect(bare).toBeTypeOf("function");
    // @ts-expect-error: not one of this service's codes.
    const typo = () => new TeapotError("TEAPTO");
    expect(typo).toBeTypeOf("function");
    expect(new TeapotError("TEAPOT", "brewing").message).toBe("TEAPOT: brewing");
  });

  it("is named after the service's class, as the logs show it", () => {
    expect(new TeapotError("TEAPOT").name).toBe("TeapotError");
    expect(String(new StrayError("X"))).toBe("StrayError: X");
  });
});

describe("createHttpService", () => {
  let app: HttpService;

  beforeAll(async () => {
    app = await createHttpService({
      title: "test",
      version: "0",
      logLevel: "silent",
      bodyLimit: 1024,
      errors: { TEAPOT: { status: 418, vi: "Ấm trà.", en: "A teapot." } },
    });
    app.post(
      "/echo",
      { config: { access: "public" }, schema: { body: z.object({ amount: z.number().int().min(1) }) } },
      async (request) => ({
        amount: request.body.amount,
      }),
    );
    app.get("/teapot", { config: { access: "public" } }, async () => {
      throw new TeapotError("TEAPOT");
    });
    app.get<{ Querystring: { seconds: string } }>(
      "/throttled",
      { config: { access: "public" } },
      async (request) => {
        throw new TeapotError("TOO_MANY_ATTEMPTS", "login", {
          retryAfterSeconds: Number(request.query.seconds),
        });
      },
    );
    app.get("/stray", { config: { access: "public" } }, async () => {
      throw new StrayError("NOT_IN_ANY_REGISTRY");
    });
    app.get("/prototype", { config: { access: "public" } }, async () => {
      throw new StrayError("toString");
    });
    app.get("/rule", { config: { access: "public" } }, async () => {
      throw new OrderRuleError("ORDER_PAID");
    });
    app.get("/crash", { config: { access: "public" } }, async () => {
      throw new Error("boom");
    });
    await app.ready();
  });
  afterAll(() => app.close());

  const post = (payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: "POST",
      url: "/echo",
      payload,
      headers: { "content-type": "application/json", ...headers },
    });

  it("answers valid input", async () => {
    const response = await post('{"amount":5}');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ amount: 5 });
  });

  it.each([
    ["broken JSON", "{amount:", 400, "VALIDATION_FAILED"],
    ["a wrong type", '{"amount":"5"}', 400, "VALIDATION_FAILED"],
    ["a fraction", '{"amount":1.5}', 400, "VALIDATION_FAILED"],
    ["an empty body", "", 400, "VALIDATION_FAILED"],
    ["an oversized body", JSON.stringify({ amount: 1, pad: "x".repeat(2000) }), 413, "BODY_TOO_LARGE"],
  ])("refuses %s with a stable code", async (_what, payload, status, code) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect(response.json().error.message).toMatch(/\S/);
  });

  it("speaks Vietnamese by default and English when asked", async () => {
    expect((await app.inject("/teapot")).json()).toEqual({ error: { code: "TEAPOT", message: "Ấm trà." } });
    const english = await app.inject({ url: "/teapot", headers: { "accept-language": "en-US,en;q=0.9" } });
    expect(english.statusCode).toBe(418);
    expect(english.json().error.message).toBe("A teapot.");
  });

  it("says when to try again, in the message and as Retry-After", async () => {
    const locked = await app.inject("/throttled?seconds=900");
    expect([locked.statusCode, locked.headers["retry-after"]]).toEqual([429, "900"]);
    expect(locked.json()).toEqual({
      error: { code: "TOO_MANY_ATTEMPTS", message: "Bạn đã nhập sai quá nhiều lần. Thử lại sau 15 phút." },
    });
    const english = await app.inject({ url: "/throttled?seconds=1.2", headers: { "accept-language": "en" } });
    expect([english.statusCode, english.headers["retry-after"]]).toEqual([429, "2"]);
    expect(english.json().error.message).toBe("Too many failed attempts. Try again in 2 seconds.");
    expect((await app.inject("/teapot")).headers["retry-after"]).toBeUndefined();
  });

  it("words a wait in seconds under a minute, else in whole minutes", () => {
    expect(tryAgainText(1)).toEqual({ vi: "Thử lại sau 1 giây.", en: "Try again in 1 second." });
    expect(tryAgainText(59.5).en).toBe("Try again in 1 minute.");
    expect(tryAgainText(61)).toEqual({ vi: "Thử lại sau 2 phút.", en: "Try again in 2 minutes." });
  });

  it("maps order rules, unknown routes and crashes", async () => {
    const rule = await app.inject("/rule");
    expect([rule.statusCode, rule.json().error.code]).toEqual([409, "ORDER_PAID"]);
    const missing = await app.inject("/nowhere");
    expect([missing.statusCode, missing.json().error.code]).toEqual([404, "NOT_FOUND"]);
    const crash = await app.inject("/crash");
    expect([crash.statusCode, crash.json().error.code]).toEqual([500, "INTERNAL"]);
    expect(crash.body).not.toContain("boom");
  });

  it.each(["/stray", "/prototype"])(
    "answers 500 INTERNAL for an unregistered code (%s), never echoing it",
    async (url) => {
      const response = await app.inject({ url, headers: { "accept-language": "en" } });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({
        error: { code: "INTERNAL", message: "Something went wrong. Please try again." },
      });
      expect(response.body).not.toMatch(/NOT_IN_ANY_REGISTRY|toString/);
    },
  );

  it("serves its OpenAPI reference at /docs", async () => {
    const response = await app.inject("/docs/json");
    expect(response.statusCode).toBe(200);
    expect(response.json().paths["/echo"]).toBeDefined();
  });
});
