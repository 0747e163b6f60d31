import { z } from "zod";
import { Id, Money, SortOrder, Text, VatRateSchema } from "./common.js";

export const StoreSchema = z.object({
  id: Id,
  code: z.string().regex(/^[A-Z0-9]{2,12}$/),
  name: Text(120),
  address: z.string().max(300),
  phone: z.string().max(30),
  /** IANA time zone the store's days are counted in. */
  timeZone: z.string().min(1),
  /** Sync as soon as the server is back, without asking the cashier. */
  autoSync: z.boolean(),
  /** Where bank transfers (VietQR) go; null when the store takes no transfers. */
  bank: z
    .object({
      bin: z.string().regex(/^\d{6}$/),
      account: z.string().min(1).max(19),
      accountName: z.string().max(80),
    })
    .nullable(),
});
export type Store = z.infer<typeof StoreSchema>;

export const CategorySchema = z.object({ id: Id, name: Text(80), sortOrder: SortOrder });
export const ItemSchema = z.object({
  id: Id,
  categoryId: Id,
  name: Text(120),
  price: Money,
  vatRate: VatRateSchema,
  unit: z.string().max(20),
  active: z.boolean(),
});
export const AreaSchema = z.object({ id: Id, name: Text(80), sortOrder: SortOrder });
export const TableSchema = z.object({ id: Id, areaId: Id, name: Text(40), sortOrder: SortOrder });

/** Everything a station needs to sell: the store, its menu and its floor. */
export const CatalogSnapshotSchema = z.object({
  store: StoreSchema,
  categories: z.array(CategorySchema),
  items: z.array(ItemSchema),
  areas: z.array(AreaSchema),
  tables: z.array(TableSchema),
});
export type CatalogSnapshot = z.infer<typeof CatalogSnapshotSchema>;
