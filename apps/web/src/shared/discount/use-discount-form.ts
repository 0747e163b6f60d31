import {
  type DiscountLimits,
  type DiscountReason,
  discountOff,
  dong,
  type Role,
  withinDiscountLimit,
} from "@quay/core";
import type { OrderView } from "@quay/protocol";
import { useState } from "react";

type OrderLine = OrderView["lines"][number];

/** What a discount asks of the station or the server: `percent` of its base, else `amount` in đồng. */
export interface DiscountAsked {
  readonly lineId: string | null;
  readonly amount: number;
  readonly percent: number | undefined;
  readonly reason: string;
  readonly managerPin: string | null;
}

export type DiscountKind = "percent" | "amount";

/**
 * The discount being set on the bill or on one line, and what core says of it as typed: what it
 * takes off, whether it is above the signed-in role's limit (a manager's PIN then, as the station
 * and the server check again), whether it may be sent.
 */
export function useDiscountForm(
  order: OrderView,
  line: OrderLine | undefined,
  role: Role,
  limits: DiscountLimits,
) {
  const [target, setTarget] = useState<"bill" | "line">(line ? "line" : "bill");
  const [kind, setKind] = useState<DiscountKind>("percent");
  const [percent, setPercent] = useState<number | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState<DiscountReason | null>(null);
  const [pin, setPin] = useState("");

  const onLine = target === "line" && line !== undefined;
  const base = dong(onLine ? line.unitPrice * line.quantity : order.subtotal);
  const terms =
    kind === "percent" ? { amount: dong(0), percent: percent ?? 0 } : { amount: dong(amount ?? 0) };
  const off = kind === "percent" && percent === null ? 0 : discountOff(terms, base);
  const needsPin = !withinDiscountLimit(role, terms, base, limits);
  const limit = role === "cashier" || role === "waiter" ? limits[role] : 100;
  const current = onLine ? (line.discount ?? null) : (order.billDiscount ?? null);
  const valued = kind === "percent" ? percent !== null : amount !== null && amount > 0 && amount <= base;
  const ready = valued && reason !== null && (!needsPin || /^\d{4,8}$/.test(pin));
  const lineId = onLine ? line.id : null;

  return {
    line,
    target,
    setTarget,
    kind,
    setKind,
    percent,
    setPercent,
    amount,
    setAmount,
    reason,
    setReason,
    pin,
    setPin,
    base,
    off,
    needsPin,
    limit,
    /** The discount the bill or the line has now ("Bỏ giảm giá" takes it off). */
    current,
    ready,
    /** The discount as typed. */
    asked: (): DiscountAsked => ({
      lineId,
      amount: kind === "amount" ? (amount ?? 0) : 0,
      percent: kind === "percent" ? (percent ?? undefined) : undefined,
      reason: reason ?? "other",
      managerPin: needsPin ? pin : null,
    }),
    /** Nothing off, which is within every limit: no PIN. */
    removal: (): DiscountAsked => ({
      lineId,
      amount: 0,
      percent: undefined,
      reason: current?.reason ?? "other",
      managerPin: null,
    }),
  };
}

export type DiscountForm = ReturnType<typeof useDiscountForm>;
