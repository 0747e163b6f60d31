import { formatVnd } from "@quay/core";

export { formatVnd };

const thousands = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });

/** A bare amount with Vietnamese thousands separators and no currency sign: `50.000`. */
export function formatThousands(amount: number): string {
  return thousands.format(amount);
}

/** Reads what a cashier typed ("58.000", "58000", "58 000 ₫") as whole đồng; null when it is not a number. */
export function parseDong(text: string): number | null {
  const digits = text.replace(/[\s.,₫đ\u00a0]/gi, "");
  if (!/^\d{1,13}$/.test(digits)) return null;
  return Number(digits);
}
