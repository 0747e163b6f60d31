import { connect, type Socket } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EventBroadcast, type EventStream, openEventStream } from "./event-stream.js";
import { createHttpService, type HttpService } from "./http-service.js";

const MAX_BUFFERED = 256 * 1024;

describe("event streams", () => {
  let app: HttpService;
  let port: number;
  let broadcast: EventBroadcast;
  let opened: EventStream[];
  const sockets: Socket[] = [];

  beforeEach(async () => {
    app = await createHttpService({ title: "test", version: "0", logLevel: "silent", errors: {} });
    broadcast = new EventBroadcast();
    opened = [];
    app.get("/events", { config: { access: "public" } }, async (request, reply) => {
      const stream = openEventStream(request, reply, { maxBufferedBytes: MAX_BUFFERED });
      opened.push(stream);
      broadcast.add(stream);
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await app.close();
  });

  /** A client that sends the request and then never reads a byte, or one that reads everything. */
  const client = async (reads: boolean) => {
    const socket = connect(port, "127.0.0.1");
    sockets.push(socket);
    let received = 0;
    if (reads) socket.on("data", (chunk: Buffer) => (received += chunk.length));
    else socket.pause();
    socket.write(`GET /events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    const before = opened.length;
    while (opened.length === before) await new Promise((resolve) => setTimeout(resolve, 5));
    return { stream: opened.at(-1) as EventStream, received: () => received };
  };
  const drain = () => new Promise((resolve) => setImmediate(resolve));

  it("drops a client that does not read, and only that one, once too much waits for it", async () => {
    const stuck = await client(false);
    const reader = await client(true);
    let stuckClosed = false;
    void stuck.stream.closed.then(() => (stuckClosed = true));
    const order = { id: "order", note: "x".repeat(16 * 1024) };
    let sent = 0;
    // Far more than the kernel's socket buffers take, so the rest has to wait in the process.
    for (let round = 0; round < 2_000 && !stuckClosed; round++) {
      broadcast.send("order", order);
      sent += 1;
      if (round % 4 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    expect(stuckClosed).toBe(true);
    expect(broadcast.size).toBe(1);
    // The reader got everything sent, while the stuck client's share was let go.
    const frameBytes = Buffer.byteLength(`event: order\ndata: ${JSON.stringify(order)}\n\n`);
    while (reader.received() < sent * frameBytes) await drain();
    expect(reader.received()).toBeGreaterThanOrEqual(sent * frameBytes);
  });

  it("keeps a client that reads through one burst bigger than the limit", async () => {
    const reader = await client(true);
    const order = { id: "order", note: "x".repeat(16 * 1024) };
    const frameBytes = Buffer.byteLength(`event: order\ndata: ${JSON.stringify(order)}\n\n`);
    // A pull that touched a thousand orders: all of it written in one go, four times the limit.
    const burst = Math.ceil((4 * MAX_BUFFERED) / frameBytes);
    for (let i = 0; i < burst; i++) broadcast.send("order", order);
    while (reader.received() < burst * frameBytes) await drain();
    broadcast.send("order", order);
    expect(broadcast.size).toBe(1);
  });

  it("serialises a broadcast event once, whatever the number of streams", async () => {
    for (let i = 0; i < 5; i++) await client(true);
    let serialised = 0;
    const data = {
      toJSON() {
        serialised += 1;
        return { ok: true };
      },
    };
    broadcast.send("status", data);
    expect(serialised).toBe(1);
    expect(broadcast.size).toBe(5);
  });
});
