import type { Server } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Ends the stream from the server side. */
  close(): void;
  /** Resolves when the client goes away or the stream is closed. */
  readonly closed: Promise<void>;
}

const HEARTBEAT_MS = 15_000;

/**
 * The streams open on each HTTP server. An SSE response never ends by itself, so a server
 * closing gracefully ends them first (see `closeEventStreams`), or `close()` would wait forever.
 */
const openStreams = new WeakMap<Server, Set<EventStream>>();

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
  const server = request.server.server;
  let streams = openStreams.get(server);
  if (!streams) {
    streams = new Set();
    openStreams.set(server, streams);
  }
  const registry = streams;
  let markClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  const stream: EventStream = {
    send(event, data) {
      if (!raw.writableEnded) raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      if (!raw.writableEnded) raw.end();
      finish();
    },
    closed,
  };
  const finish = () => {
    clearInterval(heartbeat);
    registry.delete(stream);
    markClosed();
  };
  registry.add(stream);
  request.raw.on("close", finish);
  return stream;
}

/** Ends every event stream open on `server`; called when the service stops. */
export function closeEventStreams(server: Server): void {
  for (const stream of openStreams.get(server) ?? []) stream.close();
}
