import http from "node:http";
import type { FastifyInstance, onRequestHookHandler } from "fastify";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createHttpService, type HttpService } from "./http-service.js";
import { paceRequests } from "./request-pacing.js";

// No test here reads a clock: a turn of the event loop is counted in fake timers' immediates,
// and a wait in the handler runs of other requests, so a loaded machine cannot fail them.

/** The onRequest hook `paceRequests` installs, and a request arriving through it. */
function pacedHook(perTurn?: number) {
  let hook: onRequestHookHandler | undefined;
  const app = { addHook: (_name: "onRequest", handler: onRequestHookHandler) => (hook = handler) };
  paceRequests(app as unknown as FastifyInstance, perTurn);
  const released: number[] = [];
  const arrive = (request: number) => {
    const done = () => released.push(request);
    hook?.call(app as unknown as FastifyInstance, {} as never, {} as never, done);
  };
  return { arrive, released };
}

describe("request pacing", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lets requests on one per turn of the event loop, in the order they arrived", () => {
    vi.useFakeTimers({ toFake: ["setImmediate"] });
    const { arrive, released } = pacedHook();
    for (const request of [1, 2, 3, 4]) arrive(request);
    expect(released).toEqual([]); // none in the turn they arrived in
    vi.advanceTimersToNextTimer();
    expect(released).toEqual([1]);
    arrive(5);
    vi.advanceTimersToNextTimer();
    expect(released).toEqual([1, 2]);
    for (let turn = 0; turn < 3; turn++) vi.advanceTimersToNextTimer();
    expect(released).toEqual([1, 2, 3, 4, 5]);
    expect(vi.getTimerCount()).toBe(0); // an empty queue schedules no more turns
  });

  it("lets on as many per turn as it is told", () => {
    vi.useFakeTimers({ toFake: ["setImmediate"] });
    const { arrive, released } = pacedHook(2);
    for (const request of [1, 2, 3]) arrive(request);
    vi.advanceTimersToNextTimer();
    expect(released).toEqual([1, 2]);
    vi.advanceTimersToNextTimer();
    expect(released).toEqual([1, 2, 3]);
    arrive(4);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersToNextTimer();
    expect(released).toEqual([1, 2, 3, 4]);
  });
});

const BUSY_CLIENTS = 60;
const NEW_CONNECTIONS = 30;

describe("a busy service", () => {
  let app: HttpService;
  let port: number;
  /** Handler runs so far: the measure of how long a request waited. */
  let handled = 0;

  beforeAll(async () => {
    app = await createHttpService({ title: "test", version: "0", logLevel: "silent", errors: {} });
    app.post("/sell", { config: { access: "public" } }, async () => {
      handled += 1;
      return { ok: true };
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(() => app.close());

  /** Posts a sale; answers how many handlers ran (this one's included) between sending and the answer. */
  const post = (agent: http.Agent | false) =>
    new Promise<number>((resolve, reject) => {
      const before = handled;
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
          response.on("end", () => resolve(handled - before));
        },
      );
      request.on("error", reject);
      request.end("{}");
    });

  it("answers clients that open a new connection as promptly as those already connected", async () => {
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: BUSY_CLIENTS });
    let stop = false;
    let rounds = 0;
    const busy = Array.from({ length: BUSY_CLIENTS }, async () => {
      while (!stop) {
        await post(keepAlive);
        rounds += 1;
      }
    });
    try {
      // Every busy client connected and calling again and again.
      while (rounds < BUSY_CLIENTS * 3) await post(keepAlive);
      // libuv accepts one connection per turn of the loop: these wait for as many turns.
      const fresh = await Promise.all(Array.from({ length: NEW_CONNECTIONS }, () => post(false)));
      // Unpaced, each turn ran every connected client's handler: the last fresh one waited about
      // 30 × 60 = 1.800 of them. Paced, a turn runs one, so a fresh call waits behind at most the
      // calls already queued (one per client) and one per connection accepted before it.
      expect(Math.max(...fresh)).toBeLessThan(3 * (BUSY_CLIENTS + NEW_CONNECTIONS));
    } finally {
      stop = true;
      await Promise.all(busy);
      keepAlive.destroy();
    }
  });
});
