import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpService, type HttpService } from "./http-service.js";

const WORK_MS = 3;
const BUSY_CLIENTS = 60;
const NEW_CONNECTIONS = 30;

/** Keeps the event loop busy for `ms`, as a handler's SQLite transaction and fsync do. */
function work(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy
  }
}

describe("a busy service", () => {
  let app: HttpService;
  let port: number;

  beforeAll(async () => {
    app = await createHttpService({ title: "test", version: "0", logLevel: "silent", errors: {} });
    app.post("/sell", { config: { access: "public" } }, async () => {
      work(WORK_MS);
      return { ok: true };
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(() => app.close());

  const post = (agent: http.Agent | false) =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const request = http.request(
        {
          host: "127.0.0.1",
          port,
          path: "/sell",
          method: "POST",
          agent,
          headers: { "content-type": "application/json" },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(performance.now() - started));
        },
      );
      request.on("error", reject);
      request.end("{}");
    });

  it("answers clients that open a new connection as promptly as those already connected", async () => {
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: BUSY_CLIENTS });
    let stop = false;
    const busy = Array.from({ length: BUSY_CLIENTS }, async () => {
      while (!stop) await post(keepAlive);
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      // libuv accepts one connection per turn of the loop: these wait for as many turns.
      const fresh = await Promise.all(Array.from({ length: NEW_CONNECTIONS }, () => post(false)));
      // Unpaced, each turn ran every connected client's handler: about 30 × 60 × 3 ms ≈ 5 s.
      expect(Math.max(...fresh)).toBeLessThan(2_000);
    } finally {
      stop = true;
      await Promise.all(busy);
      keepAlive.destroy();
    }
  });
});
