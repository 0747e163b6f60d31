import { MAX_DISCOUNT_PERCENT, RECEIPT_LINE_CHARS, receiptTextProblem, TAX_CODE_PATTERN } from "@quay/core";
import type { Store, StoreChanges } from "../api/admin-types.js";

/** Common banks' NAPAS BINs, offered for the VietQR account (any 6-digit BIN may be typed). */
export const KNOWN_BANKS = [
  { bin: "970436", name: "Vietcombank" },
  { bin: "970415", name: "VietinBank" },
  { bin: "970418", name: "BIDV" },
  { bin: "970405", name: "Agribank" },
  { bin: "970407", name: "Techcombank" },
  { bin: "970422", name: "MB Bank" },
  { bin: "970416", name: "ACB" },
  { bin: "970432", name: "VPBank" },
  { bin: "970423", name: "TPBank" },
  { bin: "970403", name: "Sacombank" },
] as const;

/** The store page's fields, as typed. */
export interface StoreForm {
  name: string;
  address: string;
  phone: string;
  taxCode: string;
  bankBin: string;
  bankAccount: string;
  bankAccountName: string;
  receiptHeader: string;
  receiptFooter: string;
  wifi: string;
  autoSync: boolean;
  shiftRequired: boolean;
  /** In percent, as typed: how big a discount a cashier, a waiter may give alone. */
  discountLimitCashier: string;
  discountLimitWaiter: string;
}

export type StoreFormProblem =
  | "nameRequired"
  | "taxCodeInvalid"
  | "bankIncomplete"
  | "bankBinInvalid"
  | "tooManyLines"
  | "lineTooLong"
  | "percentInvalid";

export function storeForm(store: Store): StoreForm {
  return {
    name: store.name,
    address: store.address,
    phone: store.phone,
    taxCode: store.taxCode,
    bankBin: store.bank?.bin ?? "",
    bankAccount: store.bank?.account ?? "",
    bankAccountName: store.bank?.accountName ?? "",
    receiptHeader: store.receiptHeader,
    receiptFooter: store.receiptFooter,
    wifi: store.wifi,
    autoSync: store.autoSync,
    shiftRequired: store.shiftRequired,
    discountLimitCashier: String(store.discountLimits.cashier),
    discountLimitWaiter: String(store.discountLimits.waiter),
  };
}

/** A percent from 0 to 100, as typed. */
const isPercent = (text: string) => /^\d{1,3}$/.test(text.trim()) && Number(text) <= MAX_DISCOUNT_PERCENT;

/** What is wrong with each field, by field: the server would refuse the same (StoreSchema). */
export function storeFormProblems(form: StoreForm): Partial<Record<keyof StoreForm, StoreFormProblem>> {
  const problems: Partial<Record<keyof StoreForm, StoreFormProblem>> = {};
  if (form.name.trim() === "") problems.name = "nameRequired";
  if (!TAX_CODE_PATTERN.test(form.taxCode.trim())) problems.taxCode = "taxCodeInvalid";
  const bank = [form.bankBin, form.bankAccount].map((value) => value.trim());
  if (bank.some((value) => value !== "") && bank.some((value) => value === "")) {
    problems.bankAccount = "bankIncomplete";
  } else if (bank[0] !== "" && !/^\d{6}$/.test(bank[0] ?? "")) problems.bankBin = "bankBinInvalid";
  for (const field of ["receiptHeader", "receiptFooter"] as const) {
    const problem = receiptTextProblem(form[field]);
    if (problem) problems[field] = problem;
  }
  if (form.wifi.trim().length > RECEIPT_LINE_CHARS) problems.wifi = "lineTooLong";
  for (const field of ["discountLimitCashier", "discountLimitWaiter"] as const) {
    if (!isPercent(form[field])) problems[field] = "percentInvalid";
  }
  return problems;
}

/** The changes to send: every field of the page, trimmed; no bank when BIN and account are blank. */
export function storeChanges(form: StoreForm): StoreChanges {
  const trimLines = (text: string) =>
    text
      .split("\n")
      .map((line) => line.trimEnd())
      .join("\n")
      .trim();
  const bin = form.bankBin.trim();
  const account = form.bankAccount.trim();
  return {
    name: form.name.trim(),
    address: form.address.trim(),
    phone: form.phone.trim(),
    taxCode: form.taxCode.trim(),
    bank: bin === "" ? null : { bin, account, accountName: form.bankAccountName.trim().toUpperCase() },
    receiptHeader: trimLines(form.receiptHeader),
    receiptFooter: trimLines(form.receiptFooter),
    wifi: form.wifi.trim(),
    autoSync: form.autoSync,
    shiftRequired: form.shiftRequired,
    discountLimits: { cashier: Number(form.discountLimitCashier), waiter: Number(form.discountLimitWaiter) },
  };
}
