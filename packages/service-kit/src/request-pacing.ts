import type { FastifyInstance } from "fastify";

/** Requests let on to their handlers per turn of the event loop (more gained no throughput). */
export const REQUESTS_PER_TURN = 1;

/**
 * Lets at most `perTurn` requests on to their handlers per turn of the event loop, the others
 * waiting their turn in arrival order.
 *
 * libuv (Node 20) accepts one new connection per turn of the loop, and a turn runs the handlers
 * of every request that arrived meanwhile: under 200 clients one turn took half a second, and a
 * client that opened a connection waited in the accept queue (up to 160 deep) for 10 to 17 s while
 * the calls already connected were answered in milliseconds. With the handlers spread over short
 * turns, the loop comes back to its sockets, and accepts, every few milliseconds.
 */
export function paceRequests(app: FastifyInstance, perTurn = REQUESTS_PER_TURN): void {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const release = () => {
    for (let released = 0; released < perTurn; released++) {
      const next = waiting.shift();
      if (!next) break;
      next();
    }
    scheduled = waiting.length > 0;
    // An immediate queued from an immediate runs in the next turn, after the loop polled again.
    if (scheduled) setImmediate(release);
  };
  app.addHook("onRequest", (_request, _reply, done) => {
    waiting.push(done);
    if (!scheduled) {
      scheduled = true;
      setImmediate(release);
    }
  });
}
