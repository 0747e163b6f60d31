import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, COMMON_ERRORS } from "../app-error.js";
import { createHttpService } from "../http-service.js";
import { declaredRoutes } from "../route-access.js";
import { contractProblems, fuzzService } from "./contract-fuzz.test-support.js";
import { arbitraryFor, jsonSchemaOf } from "./json-schema-arbitrary.test-support.js";
import { fuzzRequests } from "./route-cases.test-support.js";

class ShopError extends AppError<"NOT_FOUND" | "FORBIDDEN"> {}

const json = (status: number, body: unknown) => ({
  status,
  contentType: "application/json; charset=utf-8",
  body: JSON.stringify(body),
});
const route = { method: "GET", route: "GET /x" };

/** The fuzzer's checks, and the fuzzer itself, shown to catch what they are meant to. */
describe("the contract fuzzer", () => {
  it.each([
    ["a 5xx", json(500, { error: { code: "INTERNAL", message: "x" } }), "answered 500"],
    [
      "a refusal outside the shape",
      json(400, { error: "Bad Request", statusCode: 400 }),
      "outside the error shape",
    ],
    ["a code that is not UPPER_SNAKE", json(404, { error: { code: "notFound", message: "x" } }), "outside"],
    ["an empty message", json(404, { error: { code: "NOT_FOUND", message: " " } }), "outside"],
    ["an extra member", json(404, { error: { code: "NOT_FOUND", message: "x" }, hint: 1 }), "outside"],
    [
      "an unknown member of the error",
      json(404, { error: { code: "NOT_FOUND", message: "x", hint: "y" } }),
      "outside",
    ],
    [
      "a subject that is not text",
      json(409, { error: { code: "NOT_FOUND", message: "x", orderId: 1 } }),
      "outside",
    ],
    [
      "an unregistered code",
      json(409, { error: { code: "TEAPOT", message: "x" } }),
      "unregistered code TEAPOT",
    ],
    [
      "a code with another status",
      json(400, { error: { code: "NOT_FOUND", message: "x" } }),
      "registered as 404",
    ],
    ["a refusal that is not JSON", { status: 404, contentType: "text/html", body: "<h1>" }, "not JSON"],
  ])("finds %s", (_what, answer, problem) => {
    const found = contractProblems(answer, COMMON_ERRORS, route, []);
    expect(found.join()).toContain(problem);
  });

  it("lets answers in the contract, and documented exceptions, through", () => {
    expect(contractProblems(json(200, { ok: true }), COMMON_ERRORS, route, [])).toEqual([]);
    expect(
      contractProblems(json(404, { error: { code: "NOT_FOUND", message: "x" } }), COMMON_ERRORS, route, []),
    ).toEqual([]);
    const named = json(409, { error: { code: "ORDER_PAID", message: "x", orderId: "o", opId: "p" } });
    expect(contractProblems(named, COMMON_ERRORS, route, [])).toEqual([]);
    const exception = json(409, { error: { code: "NOT_FOUND", message: "x" } });
    expect(contractProblems(exception, COMMON_ERRORS, route, ["GET /x NOT_FOUND 409"])).toEqual([]);
    const head = { status: 401, contentType: "application/json", body: "" };
    expect(contractProblems(head, COMMON_ERRORS, { method: "HEAD", route: "HEAD /x" }, [])).toEqual([]);
  });

  it("generates values the schemas accept, most of the time", () => {
    const schemas = [
      z.object({
        itemId: z.uuid(),
        quantity: z.number().int().min(1).max(9_999),
        note: z.string().trim().min(1).max(200).optional(),
      }),
      z.object({
        method: z.enum(["cash", "card"]),
        amount: z.number().int().min(1).max(1e12),
        at: z.iso.datetime(),
      }),
      z.object({
        code: z.string().regex(/^[A-Z0-9]{2,12}$/),
        tableId: z.uuid().nullable(),
        day: z.iso.date(),
      }),
      z.object({ ids: z.array(z.uuid()).min(1).max(5), rate: z.union([z.literal(8), z.literal(10)]) }),
    ];
    for (const schema of schemas) {
      const values = fc.sample(arbitraryFor(jsonSchemaOf(schema) ?? {}), { seed: 7, numRuns: 200 });
      const accepted = values.filter((value) => schema.safeParse(value).success).length;
      expect(
        accepted,
        JSON.stringify(values.find((value) => !schema.safeParse(value).success)),
      ).toBeGreaterThan(150);
    }
  });

  it("finds a 500 and a refused call that changed what is stored, with the seed to replay them", async () => {
    const stored = { notes: [] as string[] };
    const start = async () => {
      stored.notes = [];
      const app = await createHttpService({ title: "shop", version: "0", logLevel: "silent", errors: {} });
      app.post(
        "/notes",
        { config: { access: "public" }, schema: { body: z.object({ text: z.string(), storeId: z.uuid() }) } },
        async (request) => {
          stored.notes.push(request.body.text);
          // Two bugs: a refusal after the write, and a crash on text no one tested.
          if (request.body.text.length > 30) throw new ShopError("FORBIDDEN");
          if (request.body.text.includes("đ")) throw new Error("mojibake");
          return { saved: true };
        },
      );
      app.get(
        "/notes/:id",
        { config: { access: "public" }, schema: { params: z.object({ id: z.uuid() }) } },
        async () => {
          throw new ShopError("NOT_FOUND");
        },
      );
      await app.ready();
      return { app, routes: declaredRoutes(app) };
    };
    const { app: probe, routes } = await start();
    await probe.close();
    const report = await fuzzService({
      name: "shop",
      seed: 42,
      epochs: 2,
      callsPerEpoch: 150,
      async start() {
        const { app } = await start();
        return {
          inject: (options) => app.inject(options),
          digest: async () => ({ notes: JSON.stringify(stored.notes) }),
          registry: COMMON_ERRORS,
          close: () => app.close(),
        };
      },
      requests: fuzzRequests({ routes, ids: {}, tokens: [] }),
    });
    expect(report.calls).toBeGreaterThanOrEqual(300);
    const problems = report.problems.join("\n");
    expect(problems).toContain("FUZZ_SEED=42");
    expect(problems).toMatch(/POST \/notes: answered 500|answered 500/);
    expect(problems).toContain("a refused call changed notes");
    expect(report.statuses.get("GET /notes/:id")?.get(404)).toBeGreaterThan(0);
  });
});
