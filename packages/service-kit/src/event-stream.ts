import type { FastifyReply, FastifyRequest } from "fastify";

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Resolves when the client goes away. */
  readonly closed: Promise<void>;
}

const HEARTBEAT_MS = 15_000;

/**
 * Turns a request into a Server-Sent Events stream. A comment line every 15 s keeps proxies
 * from closing an idle stream and lets both ends notice a dead link.
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  raw.write(": connected\n\n");
  const heartbeat = setInterval(() => raw.write(": ping\n\n"), HEARTBEAT_MS);
  const closed = new Promise<void>((resolve) => {
    request.raw.on("close", () => {
      clearInterval(heartbeat);
      resolve();
    });
  });
  return {
    send(event, data) {
      if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    closed,
  };
}
