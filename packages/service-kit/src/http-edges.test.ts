import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createHttpService, type HttpService } from "./http-service.js";

const SHAPE = { error: { code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/), message: expect.any(String) } };

/** Sends raw bytes on a new connection; resolves with everything the service answers. */
function rawExchange(port: number, chunks: readonly (string | Buffer)[], pauseMs = 0): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const answer: Buffer[] = [];
    socket.on("data", (chunk) => answer.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => resolve(Buffer.concat(answer).toString("utf8")));
    socket.on("connect", async () => {
      for (const chunk of chunks) {
        socket.write(chunk);
        if (pauseMs) await new Promise((wait) => setTimeout(wait, pauseMs));
      }
    });
  });
}

/** The status and JSON body of a raw HTTP answer. */
function parseAnswer(text: string): { status: number; body: unknown } {
  const [head = "", ...rest] = text.split("\r\n\r\n");
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
  const body = rest.join("\r\n\r\n");
  return { status, body: body ? JSON.parse(body) : null };
}

/**
 * What reaches a service before any route runs, or never reaches one: URLs it cannot decode,
 * headers too large, bodies that are not UTF-8 or arrive too slowly. Each answer is still the
 * contract's `{ error: { code, message } }`, and nothing secret lands in the log.
 */
describe("a service at its edges", () => {
  let app: HttpService;
  let port = 0;
  const logLines: string[] = [];
  const received: unknown[] = [];

  beforeAll(async () => {
    app = await createHttpService({
      title: "edges",
      version: "0",
      logLevel: "info",
      logStream: { write: (line: string) => logLines.push(line) },
      bodyTimeoutMs: 300,
      errors: {},
    });
    app.post(
      "/notes",
      { config: { access: "public" }, schema: { body: z.object({ text: z.string() }) } },
      async (request) => {
        received.push(request.body.text);
        return { ok: true };
      },
    );
    app.get(
      "/orders/:id",
      {
        config: { access: "public" },
        schema: { querystring: z.object({ storeId: z.uuid().optional(), token: z.string().optional() }) },
      },
      async () => ({
        ok: true,
      }),
    );
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(() => app.close());

  it.each([
    ["a broken percent-encoding", "/orders/%E0%A4%A", 400, "VALIDATION_FAILED"],
    ["an encoding that is not UTF-8", "/orders/%C0%AF", 400, "VALIDATION_FAILED"],
    ["a parameter longer than any id", `/orders/${"a".repeat(200)}`, 414, "URI_TOO_LONG"],
  ])("answers %s in the error shape", async (_what, url, status, code) => {
    const response = await app.inject({ url, headers: { "accept-language": "en" } });
    expect(response.statusCode).toBe(status);
    expect(response.headers["content-type"]).toMatch(/^application\/json/);
    expect(response.json()).toEqual(SHAPE);
    expect(response.json().error.code).toBe(code);
  });

  it("answers a plugin's own refusal with its status, not 500 (a file name too long for /docs)", async () => {
    const response = await app.inject(`/docs/static/${"0".repeat(300)}`);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String) } });
  });

  it("answers headers too large with 431 in the error shape", async () => {
    const answer = await rawExchange(port, [
      `GET /orders/1 HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
    ]);
    const { status, body } = parseAnswer(answer);
    expect(status).toBe(431);
    expect(body).toEqual({ error: { code: "HEADERS_TOO_LARGE", message: expect.any(String) } });
  });

  it("refuses a body that is not UTF-8 instead of storing U+FFFD", async () => {
    const bytes = Buffer.concat([Buffer.from('{"text":"C'), Buffer.from([0xc3]), Buffer.from('"}')]);
    const response = await app.inject({
      method: "POST",
      url: "/notes",
      payload: bytes,
      headers: { "content-type": "application/json" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_FAILED");
    expect(received).not.toContain("C\ufffd");
  });

  it("refuses text with an unpaired surrogate, which UTF-8 cannot hold either", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/notes",
      payload: '{"text":"C\\ud800"}',
      headers: { "content-type": "application/json" },
    });
    expect([response.statusCode, response.json().error.code]).toEqual([400, "VALIDATION_FAILED"]);
    const paired = await app.inject({
      method: "POST",
      url: "/notes",
      payload: '{"text":"\\ud83c\\uddfb\\ud83c\\uddf3 Cà phê"}',
      headers: { "content-type": "application/json" },
    });
    expect(paired.statusCode).toBe(200);
    expect(received).toContain("🇻🇳 Cà phê");
  });

  it("refuses text holding U+0000, which PostgreSQL cannot store", async () => {
    for (const text of ["a\u0000b", "\u0000"]) {
      const response = await app.inject({
        method: "POST",
        url: "/notes",
        payload: JSON.stringify({ text }),
        headers: { "content-type": "application/json" },
      });
      expect([response.statusCode, response.json().error.code], JSON.stringify(text)).toEqual([
        400,
        "VALIDATION_FAILED",
      ]);
    }
    const escapedBackslash = await app.inject({
      method: "POST",
      url: "/notes",
      payload: JSON.stringify({ text: "C:\\u0000" }),
      headers: { "content-type": "application/json" },
    });
    expect(escapedBackslash.statusCode).toBe(200);
  });

  it("times a slow body out with 408 in the error shape", async () => {
    const started = Date.now();
    const answer = await rawExchange(
      port,
      [
        "POST /notes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n",
        '{"te',
        "xt",
      ],
      250,
    );
    const { status, body } = parseAnswer(answer);
    expect(status).toBe(408);
    expect(body).toEqual({ error: { code: "REQUEST_TIMEOUT", message: expect.any(String) } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("keeps tokens in URLs out of the log", async () => {
    const secret = "eyJzdWIiOiJ1c2VyIn0.c2VjcmV0LXNpZ25hdHVyZQ";
    logLines.length = 0;
    await app.inject(`/orders/1?storeId=not-a-uuid&token=${secret}`);
    await app.inject(`/orders/%E0%A4%A?token=${secret}`);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join("\n")).not.toContain(secret);
    expect(logLines.join("\n")).not.toContain("c2VjcmV0");
  });
});
