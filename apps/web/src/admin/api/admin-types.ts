import type { CatalogSnapshot, Dashboard, Role, SalesReport } from "@quay/protocol";

export type { Dashboard, Role, SalesReport };
export type Catalog = CatalogSnapshot;
export type Category = Catalog["categories"][number];
export type MenuItem = Catalog["items"][number];
export type Area = Catalog["areas"][number];
export type Table = Catalog["tables"][number];
export type Printer = Catalog["printers"][number];
/** What the back office sets of a printer: everything but its id. */
export type PrinterFields = Omit<Printer, "id">;
/** The store's printing settings (`PATCH /api/stores/:id`). */
export type PrintSettings = Pick<Catalog["store"], "ticketMaxAgeMinutes" | "printReceipts">;

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
export interface Station {
  readonly id: string;
  readonly storeId: string;
  readonly code: string;
  readonly name: string;
  readonly active: boolean;
  readonly createdAt: string;
  readonly lastSeenAt: string | null;
  readonly pending: {
    readonly openOrders: number;
    readonly paidOrders: number;
    /** Orders the server refused for good, waiting at the station for a manager. */
    readonly refused: readonly RefusedOrderReport[];
  } | null;
  readonly online: boolean;
}

export interface RefusedOrderReport {
  readonly orderId: string;
  readonly number: string | null;
  readonly code: string;
  readonly at: string;
}

export type CatalogKind = "categories" | "items" | "areas" | "tables";
