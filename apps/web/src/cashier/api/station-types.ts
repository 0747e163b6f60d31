import type {
  CatalogSnapshot,
  OrderView,
  SessionUser,
  StationStatus,
  Store,
  TicketView,
} from "@quay/protocol";

/** The types the station's API answers with (docs/api.md, "Station"), from the protocol's schemas. */
export type Order = OrderView;
export type OrderLine = Order["lines"][number];
export type PaymentMethod = Order["payments"][number]["method"];
export type { SessionUser, StationStatus, Store, TicketView };

export type Catalog = Omit<CatalogSnapshot, "store">;
export type Category = Catalog["categories"][number];
export type MenuItem = Catalog["items"][number];
export type Area = Catalog["areas"][number];
export type Table = Catalog["tables"][number];

export type LoginMode = "online" | "offline";

export interface Session {
  readonly token: string;
  readonly user: SessionUser;
  readonly expiresAt: string;
  readonly mode: LoginMode;
}
