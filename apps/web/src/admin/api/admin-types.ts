import type {
  AuditReport,
  BillList,
  CatalogSnapshot,
  Dashboard,
  HistoryEntry,
  OrderHistory,
  OrderView,
  Role,
  SalesReport,
  ShiftView,
  StationView,
} from "@quay/protocol";

export type { AuditReport, BillList, Dashboard, HistoryEntry, OrderHistory, Role, SalesReport };
/** A paid bill as `GET /api/bills` lists it. */
export type Bill = OrderView;
/** A shift as `GET /api/shifts` lists it. */
export type Shift = ShiftView;
export type PaymentMethod = Bill["payments"][number]["method"];

/** What the bill list is filtered by, beside its days. */
export interface BillFilters {
  readonly q: string;
  readonly method: PaymentMethod | "";
}
export type Catalog = CatalogSnapshot;
export type Category = Catalog["categories"][number];
export type MenuItem = Catalog["items"][number];
export type Area = Catalog["areas"][number];
export type Table = Catalog["tables"][number];
export type Printer = Catalog["printers"][number];
/** A shared option group (a size, toppings) items name in their `optionGroupIds`. */
export type OptionGroup = NonNullable<Catalog["optionGroups"]>[number];
export type OptionChoice = OptionGroup["options"][number];
/** A group as the back office sends it: an option without an id is new (the server names it). */
export type OptionGroupFields = Omit<OptionGroup, "id" | "options"> & {
  options: (Omit<OptionChoice, "id"> & { id?: string })[];
};
/** What the back office sets of a printer: everything but its id. */
export type PrinterFields = Omit<Printer, "id">;
export type Store = Catalog["store"];
/** What the back office changes of a store (`PATCH /api/stores/:id`): any of its settings. */
export type StoreChanges = Partial<Omit<Store, "id" | "code">>;
/** The store's printing settings. */
export type PrintSettings = Pick<Store, "ticketMaxAgeMinutes" | "printReceipts">;

/** `GET /api/users` (never a secret). */
export interface StaffUser {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
  readonly hasPin: boolean;
  readonly storeIds: readonly string[];
}

/** `GET /api/stations`. */
export type Station = StationView;

export type CatalogKind = "categories" | "items" | "areas" | "tables" | "optionGroups";
