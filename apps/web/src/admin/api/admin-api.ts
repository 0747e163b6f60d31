import type { BankOutcome } from "@quay/core";
import type { BankKey, BankNotificationList } from "@quay/protocol";
import type { HttpClient } from "../../shared/api/http-client.js";
import type { ServerSession } from "../../shared/session/server-session.js";
import type {
  Area,
  AuditReport,
  BillFilters,
  BillList,
  Catalog,
  CatalogKind,
  Category,
  Dashboard,
  MenuItem,
  OptionGroup,
  OptionGroupFields,
  OrderHistory,
  Printer,
  PrinterFields,
  Role,
  SalesReport,
  Shift,
  StaffUser,
  Station,
  Store,
  StoreChanges,
  Table,
} from "./admin-types.js";

const query = (values: Record<string, string>) => new URLSearchParams(values).toString();

/** An item's sold-out state: not among the fields an edit sends. */
type SoldOutFields = "soldOut" | "soldOutAt";

interface EntryOf {
  categories: Category;
  items: MenuItem;
  areas: Area;
  tables: Table;
  optionGroups: OptionGroup;
}

/** What a create or an edit sends of an entry: everything but its id (and an item's sold-out state). */
type FieldsOf<K extends CatalogKind> = K extends "optionGroups"
  ? OptionGroupFields
  : Omit<EntryOf[K], "id" | SoldOutFields>;

export interface NewUser {
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly password: string;
  readonly pin: string | null;
  readonly storeIds: readonly string[];
}

export interface UserChanges {
  name?: string;
  role?: Role;
  password?: string;
  pin?: string | null;
  active?: boolean;
}

/** The server calls the back office makes, one function each; every one names the store. */
export function createAdminApi(http: HttpClient) {
  return {
    login: (username: string, password: string) =>
      http.post<ServerSession>("/api/login", { username, password }),
    logout: () => http.post<unknown>("/api/logout"),
    dashboard: (storeId: string) => http.get<Dashboard>(`/api/reports/dashboard?${query({ storeId })}`),
    sales: (storeId: string, from: string, to: string) =>
      http.get<SalesReport>(`/api/reports/sales?${query({ storeId, from, to })}`),
    audit: (storeId: string, from: string, to: string) =>
      http.get<AuditReport>(`/api/reports/audit?${query({ storeId, from, to })}`),
    bills: (storeId: string, from: string, to: string, filters: BillFilters, offset: number) => {
      const { q, method } = filters;
      const wanted = {
        storeId,
        from,
        to,
        offset: String(offset),
        ...(q ? { q } : {}),
        ...(method ? { method } : {}),
      };
      return http.get<BillList>(`/api/bills?${query(wanted)}`);
    },
    orderHistory: (orderId: string) =>
      http.get<OrderHistory>(`/api/orders/${encodeURIComponent(orderId)}/history`),
    shifts: async (storeId: string, from: string, to: string) =>
      (await http.get<{ shifts: Shift[] }>(`/api/shifts?${query({ storeId, from, to })}`)).shifts,
    catalog: (storeId: string) => http.get<Catalog>(`/api/catalog?${query({ storeId })}`),
    // Sold out is toggled on its own call (`setSoldOut`), as at the counter.
    createEntry: <K extends CatalogKind>(storeId: string, kind: K, fields: FieldsOf<K>) =>
      http.post<EntryOf[K]>(`/api/catalog/${kind}`, { ...fields, storeId }),
    updateEntry: <K extends CatalogKind>(kind: K, id: string, fields: Partial<FieldsOf<K>>) =>
      http.patch<EntryOf[K]>(`/api/catalog/${kind}/${encodeURIComponent(id)}`, fields),
    /** "Hết món": every counter and phone of the store hears it. */
    setSoldOut: (itemId: string, soldOut: boolean) =>
      http.post<MenuItem>(`/api/items/${encodeURIComponent(itemId)}/sold-out`, { soldOut }),
    deleteEntry: (kind: CatalogKind, id: string) =>
      http.delete<unknown>(`/api/catalog/${kind}/${encodeURIComponent(id)}`),
    printers: async (storeId: string) =>
      (await http.get<{ printers: Printer[] }>(`/api/printers?${query({ storeId })}`)).printers,
    createPrinter: (storeId: string, fields: PrinterFields) =>
      http.post<Printer>("/api/printers", { ...fields, storeId }),
    updatePrinter: (id: string, fields: Partial<PrinterFields>) =>
      http.patch<Printer>(`/api/printers/${encodeURIComponent(id)}`, fields),
    deletePrinter: (id: string) => http.delete<unknown>(`/api/printers/${encodeURIComponent(id)}`),
    /** The store's bank notifications, newest first (and whether it has a key for them). */
    bankNotifications: (storeId: string, outcome?: BankOutcome) =>
      http.get<BankNotificationList>(
        `/api/bank/notifications?${query({ storeId, ...(outcome ? { outcome } : {}) })}`,
      ),
    /** A new key for the store's bank notifications, shown this once; the old one stops working. */
    newBankKey: (storeId: string) =>
      http.post<BankKey>(`/api/stores/${encodeURIComponent(storeId)}/bank-key`),
    updateStore: (storeId: string, changes: StoreChanges) =>
      http.patch<Store>(`/api/stores/${encodeURIComponent(storeId)}`, changes),
    users: async (storeId: string) =>
      (await http.get<{ users: StaffUser[] }>(`/api/users?${query({ storeId })}`)).users,
    createUser: (user: NewUser) => http.post<StaffUser>("/api/users", user),
    updateUser: (id: string, changes: UserChanges) =>
      http.patch<StaffUser>(`/api/users/${encodeURIComponent(id)}`, changes),
    stations: async (storeId: string) =>
      (await http.get<{ stations: Station[] }>(`/api/stations?${query({ storeId })}`)).stations,
    revokeStation: (id: string) => http.delete<unknown>(`/api/stations/${encodeURIComponent(id)}`),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
