import type { VatRate } from "@quay/core";
import type { Role } from "@quay/protocol";
import type { StoreInput } from "../storage/scripts/stores.js";

/** The demo store (docs/api.md, "Demo data"): a café in Ho Chi Minh City. */
export const DEMO_TENANT_NAME = "Demo";

export const DEMO_STORE: StoreInput = {
  code: "CH01",
  name: "Quán Cà Phê Demo",
  address: "12 Lý Tự Trọng, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh",
  phone: "028 3822 1234",
  timeZone: "Asia/Ho_Chi_Minh",
  autoSync: false,
  bank: { bin: "970436", account: "0011001234567", accountName: "QUAN CA PHE DEMO" },
  ticketMaxAgeMinutes: 15,
  printReceipts: false,
  taxCode: "0312345678",
  receiptHeader: "Cà phê rang xay mỗi sáng",
  receiptFooter: "Cảm ơn quý khách. Hẹn gặp lại!",
  wifi: "Wi-Fi: QuanCaPheDemo / mật khẩu: camon1234",
  // The demo sells at once; a store that counts its drawers turns shifts on in the back office.
  shiftRequired: false,
  discountLimits: { cashier: 10, waiter: 0 },
};

export interface DemoUser {
  readonly username: string;
  readonly password: string;
  readonly pin: string | null;
  readonly name: string;
  readonly role: Role;
}

/** Documented in the README; PINs approve voids and discounts at a counter. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: "admin", password: "admin123", pin: "1234", name: "Chủ quán", role: "owner" },
  { username: "quanly", password: "1234", pin: "9999", name: "Trần Thị Lan", role: "manager" },
  { username: "thungan", password: "1234", pin: null, name: "Lê Minh Thư", role: "cashier" },
  { username: "phucvu", password: "1234", pin: null, name: "Phạm Quốc Huy", role: "waiter" },
];

interface DemoItem {
  readonly name: string;
  readonly price: number;
  readonly unit: string;
  /** Food and drink service takes Vietnam's reduced 8 % VAT; beer (excise goods) keeps 10 %. */
  readonly vatRate: VatRate;
}

/** A menu category: its items as `[name, price, unit]`, a glass (`ly`) unless named, all at `vatRate`. */
function menuCategory(
  category: string,
  items: readonly (readonly [name: string, price: number, unit?: string])[],
  vatRate: VatRate = 8,
): { readonly category: string; readonly items: readonly DemoItem[] } {
  return { category, items: items.map(([name, price, unit = "ly"]) => ({ name, price, unit, vatRate })) };
}

export const DEMO_MENU: readonly { readonly category: string; readonly items: readonly DemoItem[] }[] = [
  menuCategory("Cà phê", [
    ["Cà phê đen đá", 25_000],
    ["Cà phê sữa đá", 29_000],
    ["Bạc xỉu", 32_000],
    ["Cà phê muối", 35_000],
    ["Cà phê trứng", 39_000],
    ["Cold brew cam sả", 45_000],
    ["Cappuccino", 45_000],
    ["Latte", 45_000],
  ]),
  menuCategory("Trà", [
    ["Trà đào cam sả", 45_000],
    ["Trà vải", 42_000],
    ["Trà sen vàng", 45_000],
    ["Trà tắc", 25_000],
    ["Trà sữa trân châu", 39_000],
  ]),
  menuCategory("Nước ép", [
    ["Nước ép cam", 39_000],
    ["Nước ép dưa hấu", 35_000],
    ["Nước ép thơm", 35_000],
    ["Nước ép ổi", 35_000],
    ["Nước dừa tươi", 35_000, "trái"],
  ]),
  menuCategory("Sinh tố", [
    ["Sinh tố bơ", 45_000],
    ["Sinh tố xoài", 42_000],
    ["Sinh tố dâu", 45_000],
    ["Sinh tố mãng cầu", 45_000],
  ]),
  menuCategory("Bánh", [
    ["Bánh mì thịt", 25_000, "ổ"],
    ["Bánh sừng bò", 35_000, "cái"],
    ["Bánh flan", 20_000, "cái"],
    ["Bánh tiramisu", 45_000, "phần"],
    ["Bánh bông lan trứng muối", 35_000, "phần"],
  ]),
  menuCategory(
    "Bia",
    [
      ["Bia Sài Gòn Special", 29_000, "chai"],
      ["Bia Heineken", 35_000, "lon"],
    ],
    10,
  ),
];

/** Two areas, twenty tables. */
export const DEMO_FLOOR: readonly { readonly area: string; readonly tables: readonly string[] }[] = [
  { area: "Tầng 1", tables: Array.from({ length: 12 }, (_, index) => `Bàn ${index + 1}`) },
  { area: "Sân vườn", tables: Array.from({ length: 8 }, (_, index) => `Bàn ${index + 13}`) },
];

/**
 * A bar and a kitchen printer on the shop's LAN, by the menu categories they make tickets for,
 * paused: a demo counter must not send bytes to whatever answers at those addresses on the
 * network it runs on. The owner sets the real address in the back office and turns them on.
 */
export const DEMO_PRINTERS: readonly {
  readonly name: string;
  readonly address: string;
  readonly categories: readonly string[];
  readonly vietnamese: "tcvn3" | "raster";
}[] = [
  {
    name: "Bar",
    address: "tcp://192.168.1.50:9100",
    categories: ["Cà phê", "Trà", "Nước ép"],
    vietnamese: "tcvn3",
  },
  { name: "Bếp", address: "tcp://192.168.1.51:9100", categories: ["Bánh"], vietnamese: "raster" },
];

/**
 * The demo's shared option groups (issue 13, options), by the items they are attached to: a
 * size for the teas and smoothies (M at the item's own price, so every price of the menu above
 * stays as documented) and toppings, at most two. Additions only: an item's price is unchanged,
 * and an add without options still sells it as before.
 */
export const DEMO_OPTION_GROUPS: readonly {
  readonly name: string;
  readonly minChoices: number;
  readonly maxChoices: number;
  readonly options: readonly (readonly [name: string, price: number])[];
  readonly items: readonly string[];
}[] = [
  {
    name: "Size",
    minChoices: 1,
    maxChoices: 1,
    options: [
      ["M", 0],
      ["L", 6_000],
    ],
    items: ["Trà sữa trân châu", "Trà vải", "Trà sen vàng", "Sinh tố bơ", "Sinh tố xoài"],
  },
  {
    name: "Topping",
    minChoices: 0,
    maxChoices: 2,
    options: [
      ["Trân châu", 5_000],
      ["Thạch", 5_000],
      ["Kem cheese", 10_000],
    ],
    items: ["Trà sữa trân châu", "Trà vải", "Trà sen vàng"],
  },
];

/** Quick notes per category, in the order the counter shows them; the others offer the defaults. */
export const DEMO_NOTE_CHIPS: Readonly<Record<string, readonly string[]>> = {
  Trà: ["Ít đá", "Không đá", "Ít ngọt", "Không đường", "Đá riêng"],
  Bánh: ["Hâm nóng", "Mang về", "Không hành"],
};
