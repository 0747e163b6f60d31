import { ChangedEventSchema } from "@quay/protocol";
import type { Logger } from "../logger.js";
import type { ServerClient } from "./server-client.js";
import { systemTimers, type TimerHandle, type Timers } from "./timers.js";

/**
 * Listens to the server's `GET /api/sync/events` stream and calls `onChanged(cursor)` for each
 * `changed` event. It connects only while told to (`connect`), and drops the stream on
 * `disconnect`; a stream that ends is reopened after a short pause while still wanted.
 */
export class ServerEvents {
  private controller: AbortController | undefined;
  private wanted = false;
  private retry: TimerHandle;

  constructor(
    private readonly client: Pick<ServerClient, "baseUrl">,
    private readonly deviceToken: () => string | undefined,
    private readonly onChanged: (cursor: number) => void,
    private readonly logger: Logger,
    private readonly timers: Timers = systemTimers(),
  ) {}

  connect(): void {
    this.wanted = true;
    if (!this.controller) this.open();
  }

  disconnect(): void {
    this.wanted = false;
    this.timers.clearTimeout(this.retry);
    this.controller?.abort();
    this.controller = undefined;
  }

  private open(): void {
    const token = this.deviceToken();
    if (!token) return;
    const controller = new AbortController();
    this.controller = controller;
    this.listen(token, controller.signal).then(
      () => this.ended(controller),
      (error: unknown) => {
        if (!controller.signal.aborted) this.logger.debug({ err: error }, "server event stream failed");
        this.ended(controller);
      },
    );
  }

  private ended(controller: AbortController): void {
    if (this.controller !== controller) return;
    this.controller = undefined;
    if (!this.wanted) return;
    this.timers.clearTimeout(this.retry);
    this.retry = this.timers.setTimeout(() => {
      if (this.wanted && !this.controller) this.open();
    }, 1_000);
  }

  private async listen(token: string, signal: AbortSignal): Promise<void> {
    const response = await fetch(new URL("/api/sync/events", this.client.baseUrl), {
      headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
      signal,
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`event stream answered ${response.status}`);
    }
    const decoder = new TextDecoder();
    let buffer = "";
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end = buffer.indexOf("\n\n");
      while (end >= 0) {
        this.dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf("\n\n");
      }
    }
  }

  private dispatch(block: string): void {
    let event = "message";
    const data: string[] = [];
    for (const line of block.replaceAll("\r", "").split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
    }
    if (event !== "changed" || data.length === 0) return;
    try {
      const parsed = ChangedEventSchema.safeParse(JSON.parse(data.join("\n")));
      if (parsed.success) this.onChanged(parsed.data.cursor);
    } catch {
      // a malformed event is ignored; the periodic pull catches up anyway
    }
  }
}
