import { MAX_AMOUNT } from "./money.js";
import { countedCash } from "./shift-figures.js";
import type { ShiftState } from "./shift-fold.js";
import { type CashCount, DENOMINATIONS, MAX_NOTES_PER_DENOMINATION, type ShiftOp } from "./shift-op.js";

/** Why a shift op may not be made; stable codes the station maps to HTTP errors. */
export const SHIFT_RULE_CODES = [
  "SHIFT_ALREADY_OPEN",
  "SHIFT_NOT_OPEN",
  "INVALID_AMOUNT",
  "INVALID_COUNT",
  "REASON_REQUIRED",
  "CASH_OUT_EXCEEDS_DRAWER",
] as const;
export type ShiftRuleCode = (typeof SHIFT_RULE_CODES)[number];

const isMoney = (amount: number, min: number) =>
  Number.isSafeInteger(amount) && amount >= min && amount <= MAX_AMOUNT;

const DENOMINATION_KEYS = new Set<string>(DENOMINATIONS.map((value) => `${value}`));

/** A count names known denominations only, each a whole number of notes within bounds. */
export function validCount(counted: CashCount): boolean {
  for (const [key, notes] of Object.entries(counted)) {
    if (!DENOMINATION_KEYS.has(key)) return false;
    if (!Number.isInteger(notes) || notes < 0 || notes > MAX_NOTES_PER_DENOMINATION) return false;
  }
  return countedCash(counted) <= MAX_AMOUNT;
}

/**
 * Checks a new shift op against its shift as the counter holds it (`null`: no such shift yet),
 * before it is recorded; `drawer` is the cash the drawer should hold now (the shift's expected
 * cash), so a cash-out cannot take more than is there. Ops that arrive by sync are not re-checked.
 */
export function validateShiftOp(shift: ShiftState | null, op: ShiftOp, drawer: number): ShiftRuleCode | null {
  if (op.kind === "shiftOpen") {
    if (shift !== null && shift.openedAt !== null) return "SHIFT_ALREADY_OPEN";
    return isMoney(op.data.openingCash, 0) ? null : "INVALID_AMOUNT";
  }
  if (shift === null || shift.openedAt === null || shift.closedAt !== null) return "SHIFT_NOT_OPEN";
  if (op.kind === "shiftCash") {
    if (!isMoney(op.data.amount, 1)) return "INVALID_AMOUNT";
    if (op.data.reason.trim() === "") return "REASON_REQUIRED";
    if (op.data.direction === "out" && op.data.amount > drawer) return "CASH_OUT_EXCEEDS_DRAWER";
    return null;
  }
  return validCount(op.data.counted) ? null : "INVALID_COUNT";
}
