import type { FastifyInstance, FastifyRequest } from "fastify";

/** A request body that did not arrive in time. */
export class BodyTimeoutError extends Error {
  override readonly name = "BodyTimeoutError";
  /** Fastify answers a body parser's error with this status (408: REQUEST_TIMEOUT). */
  readonly statusCode = 408;
}

const sendsBody = (request: FastifyRequest) =>
  request.headers["transfer-encoding"] !== undefined ||
  (request.headers["content-length"] !== undefined && request.headers["content-length"] !== "0");

/**
 * Gives every request body a deadline: `timeoutMs` for a body of up to `bodyLimit` bytes, and
 * as many times longer as a route takes larger bodies (the 32 MiB sync push gets 32 times as
 * long, for a station on a slow line). A body still arriving then is answered 408 and its
 * connection closed, so a client that trickles a body cannot hold a connection open forever.
 * Requests without a body, the event streams among them, are not timed: their request is
 * complete once the headers are in. (Node's `requestTimeout` is one number for every route.)
 */
export function addBodyDeadline(app: FastifyInstance, timeoutMs: number, bodyLimit: number): void {
  app.addHook("preParsing", async (request, reply, payload) => {
    if (request.raw.complete || !sendsBody(request)) return payload;
    const routeLimit = request.routeOptions.bodyLimit ?? bodyLimit;
    const timer = setTimeout(
      () => {
        if (request.raw.complete || reply.raw.headersSent) return;
        if (payload.listenerCount("error") === 0) {
          // Nothing reads this body (a route that takes none): just drop the connection.
          request.raw.destroy();
          return;
        }
        reply.header("connection", "close");
        // The body parser reads `payload` and answers its error; destroying the request would
        // close the socket before the answer could be written.
        payload.emit("error", new BodyTimeoutError(`no complete body after ${timeoutMs} ms`));
      },
      timeoutMs * Math.max(1, routeLimit / bodyLimit),
    );
    timer.unref();
    const stop = () => clearTimeout(timer);
    payload.once("end", stop);
    payload.once("close", stop);
    reply.raw.once("close", stop);
    return payload;
  });
}
