import type { Store } from "@quay/protocol";
import { all, allIn, get, run, type Script } from "../sql-script.js";
import type { StoreRecord } from "./records.js";
import { recordStoreChange } from "./store-changes.js";

interface StoreRow {
  id: string;
  tenant_id: string;
  code: string;
  name: string;
  address: string;
  phone: string;
  time_zone: string;
  auto_sync: number;
  bank_bin: string | null;
  bank_account: string | null;
  bank_account_name: string | null;
  ticket_max_age_minutes: number;
  print_receipts: number;
  tax_code: string;
  receipt_header: string;
  receipt_footer: string;
  wifi: string;
  shift_required: number;
  discount_limit_cashier: number;
  discount_limit_waiter: number;
}

const STORE_COLUMNS = `id, tenant_id, code, name, address, phone, time_zone, auto_sync, bank_bin, bank_account,
  bank_account_name, ticket_max_age_minutes, print_receipts, tax_code, receipt_header, receipt_footer, wifi,
  shift_required, discount_limit_cashier, discount_limit_waiter`;

function toStore(row: StoreRow): StoreRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    code: row.code,
    name: row.name,
    address: row.address,
    phone: row.phone,
    timeZone: row.time_zone,
    autoSync: row.auto_sync === 1,
    bank:
      row.bank_bin !== null && row.bank_account !== null
        ? { bin: row.bank_bin, account: row.bank_account, accountName: row.bank_account_name ?? "" }
        : null,
    ticketMaxAgeMinutes: row.ticket_max_age_minutes,
    printReceipts: row.print_receipts === 1,
    taxCode: row.tax_code,
    receiptHeader: row.receipt_header,
    receiptFooter: row.receipt_footer,
    wifi: row.wifi,
    shiftRequired: row.shift_required === 1,
    discountLimits: { cashier: row.discount_limit_cashier, waiter: row.discount_limit_waiter },
  };
}

/** The wire form of a store (without the tenant). */
export function storeView(store: StoreRecord): Store {
  const { tenantId: _tenant, ...view } = store;
  return view;
}

/** True while the database holds no tenant at all (`--demo` fills only such a database). */
export function* isDatabaseEmpty(): Script<boolean> {
  return (yield* get("SELECT tenant_id FROM tenants LIMIT 1")) === undefined;
}

export function* createTenant(input: { id: string; name: string; now: string }): Script<void> {
  yield* run("INSERT INTO tenants (tenant_id, name, created_at) VALUES (?, ?, ?)", [
    input.id,
    input.name,
    input.now,
  ]);
}

export type StoreInput = Omit<StoreRecord, "id" | "tenantId">;

export function* createStore(input: {
  id: string;
  tenantId: string;
  store: StoreInput;
  now: string;
}): Script<StoreRecord> {
  const { store } = input;
  yield* run(
    `INSERT INTO stores (${STORE_COLUMNS}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [input.id, input.tenantId, ...storeValues(store), input.now],
  );
  // A new store has a catalog and users to pull from cursor 0 on.
  yield* recordStoreChange([input.id], { catalog: true, users: true });
  return { ...store, id: input.id, tenantId: input.tenantId };
}

export function* updateStore(id: string, store: StoreInput): Script<StoreRecord | undefined> {
  const changed = yield* run(
    `UPDATE stores SET code = ?, name = ?, address = ?, phone = ?, time_zone = ?, auto_sync = ?,
       bank_bin = ?, bank_account = ?, bank_account_name = ?, ticket_max_age_minutes = ?, print_receipts = ?,
       tax_code = ?, receipt_header = ?, receipt_footer = ?, wifi = ?, shift_required = ?,
       discount_limit_cashier = ?, discount_limit_waiter = ?
     WHERE id = ?`,
    [...storeValues(store), id],
  );
  if (changed === 0) return undefined;
  yield* recordStoreChange([id], { catalog: true, users: false });
  return yield* getStore(id);
}

function storeValues(store: StoreInput) {
  return [
    store.code,
    store.name,
    store.address,
    store.phone,
    store.timeZone,
    store.autoSync ? 1 : 0,
    store.bank?.bin ?? null,
    store.bank?.account ?? null,
    store.bank?.accountName ?? null,
    store.ticketMaxAgeMinutes,
    store.printReceipts ? 1 : 0,
    store.taxCode,
    store.receiptHeader,
    store.receiptFooter,
    store.wifi,
    store.shiftRequired ? 1 : 0,
    store.discountLimits.cashier,
    store.discountLimits.waiter,
  ];
}

export function* getStore(id: string): Script<StoreRecord | undefined> {
  const row = yield* get<StoreRow>(`SELECT ${STORE_COLUMNS} FROM stores WHERE id = ?`, [id]);
  return row && toStore(row);
}

export function* getStores(ids: readonly string[]): Script<StoreRecord[]> {
  const rows = yield* allIn<StoreRow>(`SELECT ${STORE_COLUMNS} FROM stores WHERE id IN (?*)`, ids);
  return rows.map(toStore).sort((a, b) => a.code.localeCompare(b.code));
}

export function* tenantStores(tenantId: string): Script<StoreRecord[]> {
  const rows = yield* all<StoreRow>(`SELECT ${STORE_COLUMNS} FROM stores WHERE tenant_id = ? ORDER BY code`, [
    tenantId,
  ]);
  return rows.map(toStore);
}
