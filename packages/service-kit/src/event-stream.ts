import type { Server } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";

export interface EventStream {
  send(event: string, data: unknown): void;
  /** Sends a message made once by `eventFrame`, for every stream it goes to. */
  sendFrame(frame: EventFrame): void;
  /** Ends the stream from the server side. */
  close(): void;
  /** Resolves when the client goes away or the stream is closed. */
  readonly closed: Promise<void>;
}

/** One SSE message, serialised and encoded once however many streams it is sent to. */
export type EventFrame = Buffer & { readonly __eventFrame: true };

export function eventFrame(event: string, data: unknown): EventFrame {
  return Buffer.from(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`) as EventFrame;
}

export interface EventStreamOptions {
  /**
   * Bytes a stream may have waiting for a client that does not read them; beyond, the client is
   * dropped (EventSource reconnects, and the apps reload on every connection).
   */
  maxBufferedBytes?: number;
}

const HEARTBEAT_MS = 15_000;
/** How long a stream gathers events before writing them out together. */
const COALESCE_MS = 20;
/** About a thousand order events: far more than a live client ever lags by. */
export const DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * The streams open on each HTTP server. An SSE response never ends by itself, so a server
 * closing gracefully ends them first (see `closeEventStreams`), or `close()` would wait forever.
 */
const openStreams = new WeakMap<Server, Set<EventStream>>();

/**
 * Turns a request into a Server-Sent Events stream. A comment line every 15 s keeps proxies
 * from closing an idle stream and lets both ends notice a dead link. A client that stops reading
 * is dropped once `maxBufferedBytes` wait for it, so it cannot make the service hold every event
 * in memory.
 */
export function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  options: EventStreamOptions = {},
): EventStream {
  const maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
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
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    clearInterval(heartbeat);
    registry.delete(stream);
    markClosed();
  };
  // The events of a few milliseconds leave in one write: with hundreds of screens, a system call
  // per event and screen took a third of the station's time away from the requests.
  let corked = false;
  /** Bytes written since the stream corked: they have not had their chance to leave yet. */
  let batchBytes = 0;
  const flush = () => {
    if (!corked) return;
    corked = false;
    batchBytes = 0;
    if (!raw.destroyed) raw.uncork();
  };
  /** Writes unless the stream ended; drops the client once too much waits for it. */
  const write = (chunk: string | Buffer) => {
    if (finished || raw.writableEnded || raw.destroyed) return;
    // What earlier batches left in the response and its socket: a client that reads keeps it
    // near zero, whatever the size of one burst (a pull touching thousands of orders).
    const unsent = raw.writableLength - batchBytes;
    if (unsent > maxBufferedBytes) {
      request.log.warn({ unsent }, "event stream dropped: its client does not read what it is sent");
      raw.destroy();
      finish();
      return;
    }
    if (!corked) {
      corked = true;
      raw.cork();
      setTimeout(flush, COALESCE_MS);
    }
    raw.write(chunk);
    batchBytes += chunk.length;
  };
  const stream: EventStream = {
    send(event, data) {
      write(eventFrame(event, data));
    },
    sendFrame(frame) {
      write(frame);
    },
    close() {
      flush();
      if (!raw.writableEnded) raw.end();
      finish();
    },
    closed,
  };
  const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
  registry.add(stream);
  request.raw.on("close", finish);
  raw.on("close", finish);
  write(": connected\n\n");
  return stream;
}

/**
 * The streams that all get the same events (every cashier screen of a station): each event is
 * serialised once for all of them.
 */
export class EventBroadcast {
  readonly #streams = new Set<EventStream>();

  /** Sends to `stream` from now until it closes. */
  add(stream: EventStream): void {
    this.#streams.add(stream);
    void stream.closed.then(() => this.#streams.delete(stream));
  }

  get size(): number {
    return this.#streams.size;
  }

  send(event: string, data: unknown): void {
    if (this.#streams.size === 0) return;
    const frame = eventFrame(event, data);
    for (const stream of this.#streams) stream.sendFrame(frame);
  }
}

/** Ends every event stream open on `server`; called when the service stops. */
export function closeEventStreams(server: Server): void {
  for (const stream of openStreams.get(server) ?? []) stream.close();
}
