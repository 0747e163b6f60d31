/** The characters a line of an 80 mm receipt holds in its normal font (font A, 12 dots wide). */
export const RECEIPT_LINE_CHARS = 48;
/** How many lines a store's receipt header or footer may have. */
export const RECEIPT_TEXT_LINES = 4;

/** A Vietnamese tax code (mã số thuế): 10 digits, a branch's 13 written 10-3; empty for none. */
export const TAX_CODE_PATTERN = /^(\d{10}(-\d{3})?)?$/;

/** Why a receipt header or footer (newline-separated) does not fit the paper, or null. */
export function receiptTextProblem(text: string): "tooManyLines" | "lineTooLong" | null {
  const lines = text.split("\n");
  if (lines.length > RECEIPT_TEXT_LINES) return "tooManyLines";
  return lines.some((line) => line.length > RECEIPT_LINE_CHARS) ? "lineTooLong" : null;
}
