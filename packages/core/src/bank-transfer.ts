import type { OrderStatus } from "./order.js";

/**
 * What the server made of one bank notification. Only `matched` is applied (by the counter whose
 * payment dialog waits on it); the others wait for a manager in the back office.
 * - `matched`: an open order of the store named in the transfer content, for exactly what it still owes;
 * - `wrong_amount`: that order, but another amount;
 * - `no_order`: no order of the store is named (or the one named is void);
 * - `already_paid`: the order named was paid already (by hand at the counter, offline say);
 * - `outgoing`: money out of the account, which pays no order.
 */
export const BANK_OUTCOMES = ["matched", "wrong_amount", "no_order", "already_paid", "outgoing"] as const;
export type BankOutcome = (typeof BANK_OUTCOMES)[number];

/** The longest station code tried between a store code and a day (`Q12`, `W`). */
const MAX_STATION_CODE = 6;
/** At most this many order numbers are looked up for one notification. */
export const MAX_NUMBER_CANDIDATES = 24;
const DAY = /^20\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

/**
 * A transfer message as banks pass it on, reduced to what survives every bank: upper-case ASCII
 * letters and digits. Banks drop the hyphens of `CH01-Q1-20261203-0007`, some drop spaces or add
 * their own words around it, a few strip diacritics.
 */
export function transferText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "D")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}

/**
 * The order numbers (`STORE-STATION-YYYYMMDD-NNNN`, `formatInvoiceNumber`) of `storeCode` that a
 * transfer's text may carry, with or without their hyphens: the counter's VietQR puts the order
 * number in the message (tag 62-08). Without hyphens the split is ambiguous (`Q1` + `2026…` or
 * `Q12` + `026…`), so every split with a real day is a candidate; the caller looks them all up.
 */
export function orderNumberCandidates(text: string, storeCode: string): string[] {
  const flat = transferText(text);
  const code = transferText(storeCode);
  if (code === "") return [];
  const found = new Set<string>();
  for (let at = flat.indexOf(code); at >= 0; at = flat.indexOf(code, at + 1)) {
    const rest = flat.slice(at + code.length);
    for (let length = 1; length <= MAX_STATION_CODE && length < rest.length; length += 1) {
      const station = rest.slice(0, length);
      if (!/^[A-Z][A-Z0-9]*$/.test(station)) break;
      const day = rest.slice(length, length + 8);
      if (!DAY.test(day)) continue;
      const digits = /^\d+/.exec(rest.slice(length + 8))?.[0] ?? "";
      // The day's counter has at least four digits and grows past them; the message may run on with digits.
      for (let size = 4; size <= Math.min(digits.length, 6); size += 1) {
        found.add(`${storeCode}-${station}-${day}-${digits.slice(0, size)}`);
        if (found.size >= MAX_NUMBER_CANDIDATES) return [...found];
      }
    }
  }
  return [...found];
}

/**
 * What an incoming transfer of `amount` does to `order` (the one its message names, or null):
 * it matches only an open order that still owes exactly that much.
 */
export function bankOutcome(
  order: { readonly status: OrderStatus; readonly total: number; readonly paid: number } | null,
  amount: number,
): BankOutcome {
  if (order === null || order.status === "void") return "no_order";
  if (order.status === "paid") return "already_paid";
  const due = order.total - order.paid;
  return due > 0 && amount === due ? "matched" : "wrong_amount";
}
