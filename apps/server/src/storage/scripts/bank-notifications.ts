import {
  type BankOutcome,
  bankOutcome,
  type Order,
  orderNumberCandidates,
  parseStoredOrder,
} from "@quay/core";
import type { BankNotification, BankTransfer } from "@quay/protocol";
import { all, get, lockStores, nextSeqs, placeholders, publish, run, type Script } from "../sql-script.js";
import type { StoreRecord } from "./records.js";
import { advanceStoreHead } from "./store-changes.js";
import { getStore } from "./stores.js";

/** Replaces the store's key for bank notifications with the one hashed to `keyHash`. */
export function* setBankKey(input: {
  storeId: string;
  tenantId: string;
  keyHash: string;
  userId: string;
  now: string;
}): Script<void> {
  yield* run("DELETE FROM bank_keys WHERE store_id = ?", [input.storeId]);
  yield* run(
    "INSERT INTO bank_keys (store_id, tenant_id, key_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
    [input.storeId, input.tenantId, input.keyHash, input.now, input.userId],
  );
}

/** The store whose key hashes to `keyHash`, if any. */
export function* storeOfBankKey(keyHash: string): Script<StoreRecord | undefined> {
  const row = yield* get<{ store_id: string }>("SELECT store_id FROM bank_keys WHERE key_hash = ?", [
    keyHash,
  ]);
  return row === undefined ? undefined : yield* getStore(row.store_id);
}

/** When the store's current key was made; null when it has none. */
export function* bankKeyCreatedAt(storeId: string): Script<string | null> {
  const row = yield* get<{ created_at: string }>("SELECT created_at FROM bank_keys WHERE store_id = ?", [
    storeId,
  ]);
  return row?.created_at ?? null;
}

/** One notification as a bank-notification route parsed it, in the server's own words. */
export interface IncomingBankNotification {
  readonly provider: string;
  readonly providerId: string;
  readonly gateway: string;
  readonly transactionDate: string;
  readonly transferType: "in" | "out";
  readonly amount: number;
  /** The transfer's message; SePay's recognised `code` is looked in too. */
  readonly content: string;
  readonly code: string | null;
  readonly bankRef: string | null;
  /** The payload as it came, kept for a manager (and for a later look at what was sent). */
  readonly body: string;
}

export interface RecordedBankNotification {
  /** True when the service had told of this transaction before: nothing was changed. */
  readonly duplicate: boolean;
  readonly outcome: BankOutcome;
}

interface OrderCandidateRow {
  id: string;
  number: string;
  view: string;
}

/** Open orders first: of two orders a garbled message might name, the one that can still be paid. */
const STATUS_RANK: Record<Order["status"], number> = { open: 0, paid: 1, void: 2 };

/**
 * Stores one bank notification of `store` once (by the service's id: a retry returns the first
 * outcome and changes nothing) with what it matches: the order its message names, judged by the
 * core's `bankOutcome`. A matched one takes a server sequence number and moves the store's head,
 * so the stations hear `changed` and pull it (`matchedTransfers`); nothing else moves. Quick: one
 * indexed look-up of the few order numbers the message may carry.
 */
export function* recordBankNotification(input: {
  store: StoreRecord;
  notification: IncomingBankNotification;
  id: string;
  now: string;
}): Script<RecordedBankNotification> {
  const { store, notification } = input;
  yield* lockStores([store.id]);
  const known = yield* get<{ outcome: BankOutcome }>(
    "SELECT outcome FROM bank_notifications WHERE store_id = ? AND provider = ? AND provider_id = ?",
    [store.id, notification.provider, notification.providerId],
  );
  if (known) return { duplicate: true, outcome: known.outcome };

  let outcome: BankOutcome = "outgoing";
  let order: { id: string; number: string } | null = null;
  if (notification.transferType === "in") {
    const text = `${notification.code ?? ""} ${notification.content}`;
    const numbers = orderNumberCandidates(text, store.code);
    const rows =
      numbers.length === 0
        ? []
        : yield* all<OrderCandidateRow>(
            `SELECT id, number, view FROM orders WHERE tenant_id = ? AND store_id = ? AND number IN (${placeholders(numbers.length)})`,
            [store.tenantId, store.id, ...numbers],
          );
    const found = rows
      .map((row) => ({ row, order: parseStoredOrder(row.view) }))
      .sort((a, b) => STATUS_RANK[a.order.status] - STATUS_RANK[b.order.status])[0];
    outcome = bankOutcome(found?.order ?? null, notification.amount);
    if (found && found.order.status !== "void") order = { id: found.row.id, number: found.row.number };
  }

  let seq: number | null = null;
  if (outcome === "matched") {
    [seq = null] = yield* nextSeqs(1);
    if (seq !== null) {
      yield* advanceStoreHead(store.id, seq);
      yield* publish({
        tenantId: store.tenantId,
        storeId: store.id,
        cursor: seq,
        orderIds: [],
        catalog: false,
        users: false,
      });
    }
  }
  yield* run(
    `INSERT INTO bank_notifications (id, tenant_id, store_id, provider, provider_id, received_at, gateway,
       transaction_date, transfer_type, amount, content, bank_ref, outcome, order_id, order_number, seq, body)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      input.id,
      store.tenantId,
      store.id,
      notification.provider,
      notification.providerId,
      input.now,
      notification.gateway,
      notification.transactionDate,
      notification.transferType,
      notification.amount,
      notification.content,
      notification.bankRef,
      outcome,
      order?.id ?? null,
      order?.number ?? null,
      seq,
      notification.body,
    ],
  );
  return { duplicate: false, outcome };
}

interface NotificationRow {
  id: string;
  store_id: string;
  provider: string;
  provider_id: string;
  received_at: string;
  gateway: string;
  transaction_date: string;
  transfer_type: "in" | "out";
  amount: number | string;
  content: string;
  bank_ref: string | null;
  outcome: BankOutcome;
  order_id: string | null;
  order_number: string | null;
}

const NOTIFICATION_COLUMNS = `id, store_id, provider, provider_id, received_at, gateway, transaction_date,
  transfer_type, amount, content, bank_ref, outcome, order_id, order_number`;

function toNotification(row: NotificationRow): BankNotification {
  return {
    id: row.id,
    storeId: row.store_id,
    provider: row.provider,
    providerId: row.provider_id,
    receivedAt: row.received_at,
    gateway: row.gateway,
    transactionDate: row.transaction_date,
    transferType: row.transfer_type,
    amount: Number(row.amount),
    content: row.content,
    bankRef: row.bank_ref,
    outcome: row.outcome,
    orderId: row.order_id,
    orderNumber: row.order_number,
  };
}

/** The store's notifications, newest first, of one outcome or all. */
export function* listBankNotifications(input: {
  storeId: string;
  outcome: BankOutcome | undefined;
  limit: number;
}): Script<BankNotification[]> {
  const rows = yield* all<NotificationRow>(
    `SELECT ${NOTIFICATION_COLUMNS} FROM bank_notifications
     WHERE store_id = ? ${input.outcome === undefined ? "" : "AND outcome = ?"}
     ORDER BY received_at DESC, id DESC LIMIT ?`,
    [input.storeId, ...(input.outcome === undefined ? [] : [input.outcome]), input.limit],
  );
  return rows.map(toNotification);
}

/** The most a pull carries: only a dialog open now uses one, so a new station's first pull needs few. */
const TRANSFERS_PER_PULL = 100;

/**
 * The store's matched transfers after server sequence `after`, up to `upTo`, for a pull: the
 * newest `TRANSFERS_PER_PULL` of them, oldest first.
 */
export function* matchedTransfers(storeId: string, after: number, upTo: number): Script<BankTransfer[]> {
  const newest = yield* all<NotificationRow>(
    `SELECT ${NOTIFICATION_COLUMNS}, seq FROM bank_notifications
     WHERE store_id = ? AND seq IS NOT NULL AND seq > ? AND seq <= ? ORDER BY seq DESC LIMIT ?`,
    [storeId, after, upTo, TRANSFERS_PER_PULL],
  );
  const rows = newest.reverse();
  return rows.flatMap((row) =>
    row.order_id === null || row.order_number === null
      ? []
      : [
          {
            id: row.id,
            orderId: row.order_id,
            orderNumber: row.order_number,
            amount: Number(row.amount),
            bankRef: row.bank_ref,
            at: row.received_at,
          },
        ],
  );
}
