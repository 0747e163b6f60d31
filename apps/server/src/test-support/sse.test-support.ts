/** A Server-Sent Events client for tests: collects events and waits for the ones it expects. */
export class SseClient {
  readonly events: { event: string; data: unknown }[] = [];
  readonly #controller = new AbortController();
  #waiters: (() => void)[] = [];
  #ended: () => void = () => {};
  status = 0;
  /** Resolves when the stream ends: closed by the server, by this client, or never opened. */
  readonly ended = new Promise<void>((resolve) => {
    this.#ended = resolve;
  });

  private constructor() {}

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { headers, signal: client.#controller.signal });
    client.status = response.status;
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      client.#ended();
      return client;
    }
    const body = response.body;
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of body) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            client.#dispatch(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            end = buffer.indexOf("\n\n");
          }
        }
      } catch {
        // closed by us or by the server
      }
      client.#ended();
    })();
    return client;
  }

  #dispatch(block: string): void {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
    }
    if (data.length === 0) return;
    this.events.push({ event, data: JSON.parse(data.join("\n")) });
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Resolves with the first event matching, waiting up to `timeoutMs`. */
  async next(predicate: (event: { event: string; data: unknown }) => boolean, timeoutMs = 5_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`no matching event within ${timeoutMs} ms: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.#controller.abort();
  }
}
