import type { CatalogSnapshot, Dashboard, Role, SalesReport, StationView } from "@quay/protocol";

export type { Dashboard, Role, SalesReport };
export type Catalog = CatalogSnapshot;
export type Category = Catalog["categories"][number];
export type MenuItem = Catalog["items"][number];
export type Area = Catalog["areas"][number];
export type Table = Catalog["tables"][number];
export type Printer = Catalog["printers"][number];
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

export type CatalogKind = "categories" | "items" | "areas" | "tables";
