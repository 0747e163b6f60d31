import { type EventFrame, type EventStream, eventFrame } from "@quay/service-kit";
import type { FastifyBaseLogger } from "fastify";
import { getOrders } from "../storage/scripts/orders.js";
import type { ServerStorage } from "../storage/server-storage.js";
import type { ChangeNotice } from "../storage/sql-script.js";

interface Watcher {
  readonly stream: EventStream;
  readonly storeIds: ReadonlySet<string>;
}

/**
 * Fans committed changes out to open SSE streams. Stations get `changed {cursor}` and pull;
 * browsers get each changed order as an `order` event (or `changed` when too many changed at
 * once to list), and `catalog` when the menu or floor changed.
 */
export class LiveEvents {
  readonly #stations = new Map<string, Set<EventStream>>();
  readonly #browsers = new Set<Watcher>();
  readonly #unsubscribe: () => void;

  constructor(
    private readonly storage: ServerStorage,
    private readonly log: FastifyBaseLogger,
  ) {
    this.#unsubscribe = storage.subscribe((notice) => this.#deliver(notice));
  }

  /** Follows one store for a station until the stream closes. */
  watchAsStation(storeId: string, stream: EventStream): void {
    let streams = this.#stations.get(storeId);
    if (!streams) {
      streams = new Set();
      this.#stations.set(storeId, streams);
    }
    const registry = streams;
    registry.add(stream);
    void stream.closed.then(() => {
      registry.delete(stream);
      if (registry.size === 0) this.#stations.delete(storeId);
    });
  }

  /** Follows a person's stores until the stream closes. */
  watchAsBrowser(storeIds: readonly string[], stream: EventStream): void {
    const watcher = { stream, storeIds: new Set(storeIds) };
    this.#browsers.add(watcher);
    void stream.closed.then(() => this.#browsers.delete(watcher));
  }

  stop(): void {
    this.#unsubscribe();
  }

  /** Each event is serialised once, for every stream it goes to. */
  #deliver(notice: ChangeNotice): void {
    const stations = this.#stations.get(notice.storeId);
    if (stations) {
      const frame = eventFrame("changed", { cursor: notice.cursor });
      for (const stream of stations) stream.sendFrame(frame);
    }
    const browsers = [...this.#browsers].filter((watcher) => watcher.storeIds.has(notice.storeId));
    if (browsers.length === 0) return;
    const toBrowsers = (frame: EventFrame) => {
      for (const { stream } of browsers) stream.sendFrame(frame);
    };
    if (notice.catalog) toBrowsers(eventFrame("catalog", { storeId: notice.storeId, cursor: notice.cursor }));
    if (notice.orderIds === null) {
      toBrowsers(eventFrame("changed", { storeId: notice.storeId, cursor: notice.cursor }));
    } else if (notice.orderIds.length > 0) {
      this.storage.read(getOrders(notice.orderIds)).then(
        (orders) => {
          for (const order of orders) toBrowsers(eventFrame("order", order.view));
        },
        (error: unknown) => this.log.warn({ err: error }, "could not load changed orders for live events"),
      );
    }
  }
}
