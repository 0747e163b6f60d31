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

export const DEMO_MENU: readonly { readonly category: string; readonly items: readonly DemoItem[] }[] = [
  {
    category: "Cà phê",
    items: [
      { name: "Cà phê đen đá", price: 25_000, unit: "ly", vatRate: 8 },
      { name: "Cà phê sữa đá", price: 29_000, unit: "ly", vatRate: 8 },
      { name: "Bạc xỉu", price: 32_000, unit: "ly", vatRate: 8 },
      { name: "Cà phê muối", price: 35_000, unit: "ly", vatRate: 8 },
      { name: "Cà phê trứng", price: 39_000, unit: "ly", vatRate: 8 },
      { name: "Cold brew cam sả", price: 45_000, unit: "ly", vatRate: 8 },
      { name: "Cappuccino", price: 45_000, unit: "ly", vatRate: 8 },
      { name: "Latte", price: 45_000, unit: "ly", vatRate: 8 },
    ],
  },
  {
    category: "Trà",
    items: [
      { name: "Trà đào cam sả", price: 45_000, unit: "ly", vatRate: 8 },
      { name: "Trà vải", price: 42_000, unit: "ly", vatRate: 8 },
      { name: "Trà sen vàng", price: 45_000, unit: "ly", vatRate: 8 },
      { name: "Trà tắc", price: 25_000, unit: "ly", vatRate: 8 },
      { name: "Trà sữa trân châu", price: 39_000, unit: "ly", vatRate: 8 },
    ],
  },
  {
    category: "Nước ép",
    items: [
      { name: "Nước ép cam", price: 39_000, unit: "ly", vatRate: 8 },
      { name: "Nước ép dưa hấu", price: 35_000, unit: "ly", vatRate: 8 },
      { name: "Nước ép thơm", price: 35_000, unit: "ly", vatRate: 8 },
      { name: "Nước ép ổi", price: 35_000, unit: "ly", vatRate: 8 },
      { name: "Nước dừa tươi", price: 35_000, unit: "trái", vatRate: 8 },
    ],
  },
  {
    category: "Sinh tố",
    items: [
      { name: "Sinh tố bơ", price: 45_000, unit: "ly", vatRate: 8 },
      { name: "Sinh tố xoài", price: 42_000, unit: "ly", vatRate: 8 },
      { name: "Sinh tố dâu", price: 45_000, unit: "ly", vatRate: 8 },
      { name: "Sinh tố mãng cầu", price: 45_000, unit: "ly", vatRate: 8 },
    ],
  },
  {
    category: "Bánh",
    items: [
      { name: "Bánh mì thịt", price: 25_000, unit: "ổ", vatRate: 8 },
      { name: "Bánh sừng bò", price: 35_000, unit: "cái", vatRate: 8 },
      { name: "Bánh flan", price: 20_000, unit: "cái", vatRate: 8 },
      { name: "Bánh tiramisu", price: 45_000, unit: "phần", vatRate: 8 },
      { name: "Bánh bông lan trứng muối", price: 35_000, unit: "phần", vatRate: 8 },
    ],
  },
  {
    category: "Bia",
    items: [
      { name: "Bia Sài Gòn Special", price: 29_000, unit: "chai", vatRate: 10 },
      { name: "Bia Heineken", price: 35_000, unit: "lon", vatRate: 10 },
    ],
  },
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
