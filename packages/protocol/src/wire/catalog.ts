import {
  DEFAULT_DISCOUNT_LIMITS,
  MAX_DISCOUNT_PERCENT,
  MAX_GROUP_CHOICES,
  MAX_GROUP_OPTIONS,
  MAX_ITEM_OPTION_GROUPS,
  MAX_NOTE_CHIP_CHARS,
  MAX_NOTE_CHIPS,
  RECEIPT_LINE_CHARS,
  RECEIPT_TEXT_LINES,
  receiptTextProblem,
  TAX_CODE_PATTERN,
} from "@quay/core";
import { z } from "zod";
import { Id, IsoTime, Money, SortOrder, Text, VatRateSchema } from "./common.js";
import { OptionPrice } from "./op.js";

/** Lines of text of a receipt's width, newline-separated (core's limits); absent before version 6: none. */
const ReceiptLines = z
  .string()
  .max(RECEIPT_TEXT_LINES * (RECEIPT_LINE_CHARS + 1))
  .refine(
    (text) => receiptTextProblem(text) === null,
    `at most ${RECEIPT_TEXT_LINES} lines of ${RECEIPT_LINE_CHARS} characters`,
  )
  .default("");

const DiscountLimit = z.number().int().min(0).max(MAX_DISCOUNT_PERCENT);

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
  /**
   * Tickets older than this many minutes (after an outage, say) wait on the counter's screen for
   * someone to print or dismiss them instead of printing by themselves. Absent before version 4: 15.
   */
  ticketMaxAgeMinutes: z.number().int().min(1).max(1440).default(15),
  /**
   * Bills and receipts print silently on the receipt printer, the browser's print dialog kept as
   * the fallback. Absent before version 4: off.
   */
  printReceipts: z.boolean().default(false),
  /** The store's tax code (mã số thuế: 10 digits, a branch's 13 as 10-3), printed on receipts. */
  taxCode: z.string().regex(TAX_CODE_PATTERN, "10 digits, or 10-3 for a branch").default(""),
  /** Lines printed above and below a receipt's items (a slogan, a thank-you, opening hours). */
  receiptHeader: ReceiptLines,
  receiptFooter: ReceiptLines,
  /** The Wi-Fi line at the foot of the receipt ("Wi-Fi: QuayCafe / mật khẩu 12345678"). */
  wifi: z.string().trim().max(RECEIPT_LINE_CHARS).default(""),
  /**
   * A counter takes payments only during an open cash shift (docs/cashier-app.md, "Shifts").
   * Absent before version 8, and off by default: a store turns it on when its cashiers count
   * their drawers.
   */
  shiftRequired: z.boolean().default(false),
  /**
   * How big a discount a cashier and a waiter may give alone, in percent of the line or the bill
   * (core's `withinDiscountLimit`); above it a manager's PIN. Absent before version 12: core's defaults.
   */
  discountLimits: z
    .object({ cashier: DiscountLimit, waiter: DiscountLimit })
    .default({ ...DEFAULT_DISCOUNT_LIMITS }),
});
export type Store = z.infer<typeof StoreSchema>;

/**
 * The settings a store has that an older server's snapshot leaves out: their defaults, as a
 * store created with none of them holds them (test fixtures and demo data start from these).
 */
export const STORE_SETTING_DEFAULTS = StoreSchema.pick({
  ticketMaxAgeMinutes: true,
  printReceipts: true,
  taxCode: true,
  receiptHeader: true,
  receiptFooter: true,
  wifi: true,
  shiftRequired: true,
  discountLimits: true,
}).parse({});

/** A category's quick notes for the counter ("ít đá", "không đường"); absent before version 14: none. */
export const NoteChipsSchema = z.array(Text(MAX_NOTE_CHIP_CHARS)).max(MAX_NOTE_CHIPS);
export const CategorySchema = z.object({
  id: Id,
  name: Text(80),
  sortOrder: SortOrder,
  noteChips: NoteChipsSchema.optional(),
});
export const ItemSchema = z.object({
  id: Id,
  categoryId: Id,
  name: Text(120),
  price: Money,
  vatRate: VatRateSchema,
  unit: z.string().max(20),
  active: z.boolean(),
  /** The shared option groups it offers, in order; absent before version 14: none. */
  optionGroupIds: z.array(Id).max(MAX_ITEM_OPTION_GROUPS).optional(),
  /**
   * Sold out for now ("hết món", marked at a counter or in the back office): on the menu, greyed,
   * and refused by every add (`ITEM_SOLD_OUT`). Absent before version 15: on sale.
   */
  soldOut: z.boolean().default(false),
  /** When the last sold-out toggle was made (device time): the latest toggle wins everywhere. */
  soldOutAt: IsoTime.nullable().default(null),
});

/** One choice of an option group (core's `OptionChoice`): its price is added to the item's. */
export const OptionChoiceSchema = z.object({
  id: Id,
  name: Text(60),
  price: OptionPrice,
  active: z.boolean(),
});
/**
 * A shared option group (core's `OptionGroup`): a size is one required choice (`minChoices` 1,
 * `maxChoices` 1), toppings any number up to `maxChoices` (`minChoices` 0).
 */
export const OptionGroupSchema = z.object({
  id: Id,
  name: Text(60),
  minChoices: z.number().int().min(0).max(1),
  maxChoices: z.number().int().min(1).max(MAX_GROUP_CHOICES),
  sortOrder: SortOrder,
  options: z.array(OptionChoiceSchema).min(1).max(MAX_GROUP_OPTIONS),
});
export type OptionGroupWire = z.infer<typeof OptionGroupSchema>;
export const AreaSchema = z.object({ id: Id, name: Text(80), sortOrder: SortOrder });
export const TableSchema = z.object({ id: Id, areaId: Id, name: Text(40), sortOrder: SortOrder });

/** Where a printer listens: raw ESC/POS over TCP (port 9100 unless given). */
export const PrinterAddress = z
  .string()
  .max(300)
  .regex(/^tcp:\/\/[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/, "tcp://HOST:PORT");

/**
 * A printer of the store. A `kitchen` printer makes the tickets for the categories it lists (the
 * bar's drinks, the kitchen's food); a `receipt` printer prints bills and receipts. `vietnamese`
 * says how it prints diacritics: text in the TCVN-3 code page, or the page as a raster image for
 * printers that have no Vietnamese code page.
 */
export const PrinterSchema = z.object({
  id: Id,
  name: Text(80),
  address: PrinterAddress,
  kind: z.enum(["kitchen", "receipt"]),
  categoryIds: z.array(Id).max(200),
  width: z.union([z.literal(58), z.literal(80)]),
  vietnamese: z.enum(["tcvn3", "raster"]),
  active: z.boolean(),
});
export type Printer = z.infer<typeof PrinterSchema>;

/** Everything a station needs to sell: the store, its menu, its floor and its printers. */
export const CatalogSnapshotSchema = z.object({
  store: StoreSchema,
  categories: z.array(CategorySchema),
  items: z.array(ItemSchema),
  areas: z.array(AreaSchema),
  tables: z.array(TableSchema),
  /** Absent from a server older than version 4: no printers. */
  printers: z.array(PrinterSchema).max(50).default([]),
  /** The shared option groups items name (`optionGroupIds`); absent before version 14: none. */
  optionGroups: z.array(OptionGroupSchema).max(200).optional(),
});
export type CatalogSnapshot = z.infer<typeof CatalogSnapshotSchema>;
