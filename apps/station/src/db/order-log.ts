import { foldOrder, type Op, type Order, type OrderStatus, parseStoredOrder } from "@quay/core";
import type { StationDatabase } from "./open-database.js";

/** An unsynced op as it goes out: its JSON is sent as stored, never re-serialised. */
export interface OutgoingOp {
  readonly orderId: string;
  readonly seq: number;
  readonly id: string;
  readonly body: string;
}

/** Where a pass over the closed orders got to: (close time, id) of the last order read. */
export interface ClosedKey {
  readonly closedAt: string;
  readonly id: string;
}

export interface PendingCounts {
  openOrders: number;
  paidOrders: number;
}

/** Why the server refused an order for good: it waits for a manager and is not pushed meanwhile. */
export interface OrderRefusal {
  readonly code: string;
  readonly message: string | null;
  /** When the station learnt of it. */
  readonly at: string;
  /** The op the server named as the one it refuses, when it did. */
  readonly opId?: string;
}

/** An order as the station shows it: the fold, and the server's refusal when there is one. */
export type StationOrder = Order & { readonly refusal?: OrderRefusal };

export interface OrderFilter {
  status?: OrderStatus | undefined;
  /** Opened at or after (ISO time). */
  from?: string | undefined;
  /** Opened before (ISO time). */
  to?: string | undefined;
  limit?: number | undefined;
}

interface OrderRow {
  body: string;
  refusal: string | null;
}

function toStationOrder(row: OrderRow): StationOrder {
  const order = parseStoredOrder(row.body);
  return row.refusal === null ? order : { ...order, refusal: JSON.parse(row.refusal) as OrderRefusal };
}

/** An op's row in `ops` up to `body`, as both inserts write it (the flags after it differ). */
type OpColumns = [
  id: string,
  orderId: string,
  deviceId: string,
  deviceSeq: number,
  kind: string,
  at: string,
  body: string,
];

function opColumns(op: Op): OpColumns {
  return [op.id, op.orderId, op.deviceId, op.deviceSeq, op.kind, op.at, JSON.stringify(op)];
}

/** SQL: the op row `ops` is one the server does not hold yet. */
const UNSYNCED = "EXISTS (SELECT 1 FROM unsynced_ops WHERE unsynced_ops.seq = ops.seq)";
/** SQL: the order row `orders` has an op the server does not hold yet. */
const HAS_UNSYNCED = `EXISTS (SELECT 1 FROM ops WHERE ops.order_id = orders.id AND ${UNSYNCED})`;

/**
 * The op log and the order projections in the station's SQLite file. Every write keeps the
 * projection equal to `foldOrder` of the order's ops, and the outbox in step: `unsynced_ops`
 * holds the ops the server does not hold yet, `pending_orders` the orders with one of them that
 * no refusal holds back. Marking a push synced deletes narrow rows there and rewrites neither an
 * op nor an order. Callers wrap writes in one transaction with whatever else must commit with
 * them (the invoice counter).
 */
export class OrderLog {
  private readonly insertLocalOp;
  private readonly insertRemoteOp;
  private readonly selectOrderOps;
  private readonly upsertOrder;
  private readonly selectOrder;
  private readonly insertUnsynced;
  private readonly forgetUnsynced;
  private readonly deleteUnsynced;
  private readonly upsertPending;
  private readonly settlePending;
  private readonly selectPending;
  private readonly selectOpenOutgoing;
  private readonly selectClosedBatch;
  private readonly selectUnsyncedOfOrder;
  private readonly selectUnsyncedOfOrders;
  private readonly selectMaxDeviceSeq;

  /**
   * The hub mark of ops made here: 0 (owed to the hub) on a spoke (`--hub`), else null. Ops this
   * station makes without a hub are never sent to one.
   */
  localHubMark: 0 | null = null;

  /**
   * Hears every batch of ops about to be stored, local or pulled, inside their transaction (the
   * order's earlier ops are held, these are not yet): the ticket recorder (src/printing).
   */
  beforeStore: ((ops: readonly Op[]) => void) | null = null;

  constructor(private readonly db: StationDatabase) {
    this.insertLocalOp = db.prepare<[...OpColumns, number | null]>(
      `INSERT INTO ops(id, order_id, device_id, device_seq, kind, at, body, at_hub)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertUnsynced = db.prepare<[number | bigint]>("INSERT INTO unsynced_ops(seq) VALUES (?)");
    // Ops with the same id are the same op: keep this insert idempotent. Another device's op is
    // never this station's to push to the cloud (its maker, or the hub that holds it, pushes it),
    // so one held here unsynced leaves the outbox.
    this.insertRemoteOp = db.prepare<[...OpColumns, number | null]>(
      `INSERT INTO ops(id, order_id, device_id, device_seq, kind, at, body, at_hub)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET at_hub = coalesce(excluded.at_hub, ops.at_hub)`,
    );
    this.forgetUnsynced = db.prepare<[string]>(
      "DELETE FROM unsynced_ops WHERE seq = (SELECT seq FROM ops WHERE id = ?)",
    );
    this.deleteUnsynced = db.prepare<[string]>(
      "DELETE FROM unsynced_ops WHERE seq IN (SELECT value FROM json_each(?))",
    );
    this.selectOrderOps = db.prepare<[string], { body: string }>(
      "SELECT body FROM ops WHERE order_id = ? ORDER BY seq",
    );
    this.upsertOrder = db.prepare<{
      id: string;
      number: string | null;
      status: string;
      tableId: string | null;
      openedAt: string | null;
      closedAt: string | null;
      updatedAt: string | null;
      body: string;
    }>(
      `INSERT INTO orders(id, number, status, table_id, opened_at, closed_at, updated_at, body)
       VALUES (@id, @number, @status, @tableId, @openedAt, @closedAt, @updatedAt, @body)
       ON CONFLICT(id) DO UPDATE SET number = excluded.number, status = excluded.status,
         table_id = excluded.table_id, opened_at = excluded.opened_at, closed_at = excluded.closed_at,
         updated_at = excluded.updated_at, body = excluded.body`,
    );
    this.selectOrder = db.prepare<[string], OrderRow>("SELECT body, refusal FROM orders WHERE id = ?");
    // An order is pending while it has an op the server lacks and no refusal holds it back.
    this.upsertPending = db.prepare<[string]>(
      `INSERT INTO pending_orders(order_id, status, closed_at)
       SELECT id, status, closed_at FROM orders WHERE id = ? AND refusal IS NULL AND ${HAS_UNSYNCED}
       ON CONFLICT(order_id) DO UPDATE SET status = excluded.status, closed_at = excluded.closed_at`,
    );
    this.settlePending = db.prepare<[string]>(
      `DELETE FROM pending_orders WHERE order_id IN (SELECT value FROM json_each(?))
       AND NOT EXISTS (SELECT 1 FROM orders WHERE orders.id = pending_orders.order_id
         AND orders.refusal IS NULL AND ${HAS_UNSYNCED})`,
    );
    this.selectPending = db.prepare<[], { openOrders: number | null; paidOrders: number | null }>(
      `SELECT sum(status = 'open') AS openOrders, sum(status <> 'open') AS paidOrders FROM pending_orders`,
    );
    this.selectOpenOutgoing = db.prepare<[], OutgoingOp>(
      `SELECT ops.order_id AS orderId, ops.seq AS seq, ops.id AS id, ops.body AS body
       FROM pending_orders CROSS JOIN ops ON ops.order_id = pending_orders.order_id
       WHERE pending_orders.status = 'open' AND ${UNSYNCED}
       ORDER BY ops.seq`,
    );
    this.selectClosedBatch = db.prepare<[string, string, number], { id: string; closedAt: string }>(
      `SELECT order_id AS id, closed_at AS closedAt FROM pending_orders
       WHERE status <> 'open' AND (closed_at, order_id) > (?, ?)
       ORDER BY closed_at, order_id LIMIT ?`,
    );
    this.selectUnsyncedOfOrder = db.prepare<[string], OutgoingOp>(
      `SELECT order_id AS orderId, seq, id, body FROM ops WHERE order_id = ? AND ${UNSYNCED} ORDER BY seq`,
    );
    this.selectUnsyncedOfOrders = db.prepare<[string], OutgoingOp>(
      `SELECT ops.order_id AS orderId, ops.seq, ops.id, ops.body
       FROM json_each(?) AS batch JOIN ops ON ops.order_id = batch.value
       WHERE ${UNSYNCED}
       ORDER BY batch.key, ops.seq`,
    );
    this.selectMaxDeviceSeq = db.prepare<[string], { last: number | null }>(
      "SELECT max(device_seq) AS last FROM ops WHERE device_id = ?",
    );
  }

  getOrder(orderId: string): StationOrder | null {
    const row = this.selectOrder.get(orderId);
    return row ? toStationOrder(row) : null;
  }

  /** Orders newest first (by opening time), at most `limit` (default 1,000). */
  listOrders(filter: OrderFilter): StationOrder[] {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.status) {
      where.push("status = ?");
      params.push(filter.status);
    }
    if (filter.from) {
      where.push("opened_at >= ?");
      params.push(filter.from);
    }
    if (filter.to) {
      where.push("opened_at < ?");
      params.push(filter.to);
    }
    const sql = `SELECT body, refusal FROM orders ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY opened_at DESC, id DESC LIMIT ?`;
    return this.db
      .prepare<(string | number)[], OrderRow>(sql)
      .all(...params, filter.limit ?? 1_000)
      .map(toStationOrder);
  }

  /** The paid orders closed from `since` (included) to `until` (excluded), ISO times, newest first. */
  paidBetween(since: string, until: string): StationOrder[] {
    return this.db
      .prepare<[string, string], OrderRow>(
        `SELECT body, refusal FROM orders WHERE status = 'paid' AND closed_at >= ? AND closed_at < ?
         ORDER BY closed_at DESC, id DESC`,
      )
      .all(since, until)
      .map(toStationOrder);
  }

  /** Every op of an order, as stored. */
  opsOf(orderId: string): Op[] {
    return this.selectOrderOps.all(orderId).map((row) => JSON.parse(row.body) as Op);
  }

  /** Records ops made here (already validated) and the order they fold to; they wait to sync. */
  appendLocal(ops: readonly Op[], order: Order): void {
    this.beforeStore?.(ops);
    for (const op of ops) {
      this.insertUnsynced.run(this.insertLocalOp.run(...opColumns(op), this.localHubMark).lastInsertRowid);
    }
    this.writeProjection(order);
    this.upsertPending.run(order.id);
  }

  /**
   * Stores ops from the server or the hub (other devices' changes) by id, and refolds the orders
   * they touch. Returns the ids of those orders. `fromHub`: the hub holds them (its pull).
   */
  applyRemote(ops: readonly Op[], fromHub = false): string[] {
    this.beforeStore?.(ops);
    const touched = new Set<string>();
    for (const op of ops) {
      this.insertRemoteOp.run(...opColumns(op), fromHub ? 1 : null);
      this.forgetUnsynced.run(op.id);
      touched.add(op.orderId);
    }
    for (const orderId of touched) this.refold(orderId);
    return [...touched];
  }

  /**
   * Rewrites an order's projection from the ops it holds now, and its place in the outbox (its
   * unsynced ops may be held elsewhere now, or be new here: a spoke's, relayed by this hub).
   */
  refold(orderId: string): Order {
    const order = foldOrder(orderId, this.opsOf(orderId));
    this.writeProjection(order);
    this.refreshPending(orderId);
    return order;
  }

  /** Puts an order in the outbox or takes it out, as its ops and its refusal say now. */
  private refreshPending(orderId: string): void {
    this.upsertPending.run(orderId);
    this.settlePending.run(JSON.stringify([orderId]));
  }

  /**
   * Marks as synced the sent ops the server holds, and takes out of the outbox the orders left
   * with none unsynced (ops made after the batch was read stay unsynced): two statements.
   */
  markSynced(sent: readonly OutgoingOp[], held: ReadonlySet<string>): string[] {
    const orderIds = new Set<string>();
    const seqs: number[] = [];
    for (const op of sent) {
      orderIds.add(op.orderId);
      if (held.has(op.id)) seqs.push(op.seq);
    }
    this.deleteUnsynced.run(JSON.stringify(seqs));
    this.settlePending.run(JSON.stringify([...orderIds]));
    return [...orderIds];
  }

  pendingCounts(): PendingCounts {
    const row = this.selectPending.get();
    return { openOrders: row?.openOrders ?? 0, paidOrders: row?.paidOrders ?? 0 };
  }

  /** The unsynced ops of every open order, oldest first. */
  openOutgoing(): OutgoingOp[] {
    return this.withSplitCompanions(this.selectOpenOutgoing.all());
  }

  /**
   * `ops` with, before them, the unsynced ops of every order their splits went into: a receiver
   * takes a split only with the line it added there (core's `unbackedSplit`), and the order split
   * into may be closed while the bill it left is open, or closed later (pushed in another batch).
   * Applied to a whole push's ops at once, so that no order goes twice in one push.
   */
  withSplitCompanions(ops: OutgoingOp[]): OutgoingOp[] {
    const inBatch = new Set(ops.map((op) => op.orderId));
    const companions = new Set<string>();
    for (const op of ops) {
      if (!op.body.includes('"splitLine"')) continue;
      const parsed = JSON.parse(op.body) as { kind?: string; data?: { intoOrderId?: string } };
      const into = parsed.kind === "splitLine" ? parsed.data?.intoOrderId : undefined;
      if (into && !inBatch.has(into)) companions.add(into);
    }
    if (companions.size === 0) return ops;
    return [...[...companions].flatMap((orderId) => this.selectUnsyncedOfOrder.all(orderId)), ...ops];
  }

  /**
   * The unsynced ops of the `limit` oldest closed (paid or void) unsynced orders, by close time,
   * starting after `after` (keyset paging, so a batch can be read while the previous one is in flight).
   */
  closedOutgoing(
    limit: number,
    after: ClosedKey | null = null,
  ): { ops: OutgoingOp[]; last: ClosedKey | null } {
    const { orderIds, last } = this.closedBatch(limit, after);
    return { ops: this.withSplitCompanions(this.unsyncedOfOrders(orderIds)), last };
  }

  /** The ids of the `limit` oldest closed unsynced orders after `after`, as `closedOutgoing` pages them. */
  closedBatch(limit: number, after: ClosedKey | null = null): { orderIds: string[]; last: ClosedKey | null } {
    const orders = this.selectClosedBatch.all(after?.closedAt ?? "", after?.id ?? "", limit);
    const lastOrder = orders.at(-1);
    return {
      orderIds: orders.map((order) => order.id),
      last: lastOrder ? { closedAt: lastOrder.closedAt ?? "", id: lastOrder.id } : null,
    };
  }

  /** The unsynced ops of these orders, order by order as given, each order's oldest first (no companions). */
  unsyncedOfOrders(orderIds: readonly string[]): OutgoingOp[] {
    return orderIds.length === 0 ? [] : this.selectUnsyncedOfOrders.all(JSON.stringify(orderIds));
  }

  /** The ops of an order the server does not hold yet, oldest first. */
  unsyncedOf(orderId: string): OutgoingOp[] {
    return this.selectUnsyncedOfOrder.all(orderId);
  }

  /** The highest `deviceSeq` this device has used (0 if none). */
  lastDeviceSeq(deviceId: string): number {
    return this.selectMaxDeviceSeq.get(deviceId)?.last ?? 0;
  }

  private writeProjection(order: Order): void {
    this.upsertOrder.run({
      id: order.id,
      number: order.number,
      status: order.status,
      tableId: order.tableId,
      openedAt: order.openedAt,
      closedAt: order.paidAt ?? order.voidedAt,
      updatedAt: order.updatedAt,
      body: JSON.stringify(order),
    });
  }
}
