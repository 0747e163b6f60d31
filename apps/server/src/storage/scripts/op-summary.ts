import { lineTitle, lineUnitPrice, type OrderStep } from "@quay/core";
import type { OpSummary } from "@quay/protocol";

/** What a summary names by id: tables, and the numbers of the orders a merge went into. */
export interface SummaryNames {
  readonly tables: ReadonlyMap<string, string>;
  readonly numbers: ReadonlyMap<string, string | null>;
}

/**
 * An op's payload as the history shows it: names instead of ids, the quantity a line had before
 * a change, what a void took off. Pure: the steps carry the order as each op found it.
 */
export function summarizeOp({ op, before }: OrderStep, names: SummaryNames): OpSummary {
  const lineOf = (lineId: string) =>
    [...(before?.lines ?? []), ...(before?.voidedLines ?? [])].find((line) => line.id === lineId);
  const tableName = (tableId: string | null) => (tableId === null ? null : (names.tables.get(tableId) ?? ""));
  const merged = (orderId: string | undefined) => {
    const number = orderId === undefined ? undefined : names.numbers.get(orderId);
    return number ? { mergedInto: number } : {};
  };
  const lineNames = (lineIds: readonly string[]) =>
    lineIds.map((lineId) => lineOf(lineId)?.name ?? "").filter((name) => name !== "");
  switch (op.kind) {
    case "open":
      return { number: op.data.number, table: tableName(op.data.tableId) };
    case "addLine":
      return {
        line: lineTitle(op.data),
        quantity: op.data.quantity,
        amount: lineUnitPrice(op.data.unitPrice, op.data.options) * op.data.quantity,
      };
    case "editLine": {
      const line = lineOf(op.data.lineId);
      return {
        line: line ? lineTitle({ name: line.name, options: op.data.options ?? line.options ?? [] }) : "",
        ...(op.data.note === undefined || op.data.note === null ? {} : { note: op.data.note }),
      };
    }
    case "setQuantity": {
      const line = lineOf(op.data.lineId);
      return {
        line: line?.name ?? "",
        quantity: op.data.quantity,
        ...(line ? { previousQuantity: line.quantity } : {}),
        ...(op.data.reason === undefined ? {} : { reason: op.data.reason }),
      };
    }
    case "voidLine": {
      const line = lineOf(op.data.lineId);
      return {
        line: line?.name ?? "",
        ...(line ? { quantity: line.quantity, amount: line.amount } : {}),
        reason: op.data.reason,
        ...merged(op.data.mergedInto),
      };
    }
    case "discount":
      return { amount: op.data.amount, ...(op.data.reason === null ? {} : { reason: op.data.reason }) };
    case "discountLine":
      return {
        line: lineOf(op.data.lineId)?.name ?? "",
        amount: op.data.amount,
        ...(op.data.reason === null ? {} : { reason: op.data.reason }),
      };
    case "moveTable":
      return { table: tableName(op.data.tableId) };
    case "addPayment":
      return { amount: op.data.amount, method: op.data.method };
    case "close":
      return { amount: op.data.total };
    case "voidOrder":
      return {
        ...(before ? { amount: before.total } : {}),
        reason: op.data.reason,
        ...merged(op.data.mergedInto),
      };
    case "markReady":
      return { lines: lineNames(op.data.lineIds) };
    case "refund":
      return {
        amount: op.data.amount,
        method: op.data.method,
        reason: op.data.reason,
        ...(op.data.lineIds ? { lines: lineNames(op.data.lineIds) } : {}),
      };
    case "splitLine": {
      const number = names.numbers.get(op.data.intoOrderId);
      const line = lineOf(op.data.lineId);
      return {
        line: line?.name ?? "",
        quantity: op.data.quantity,
        ...(line ? { previousQuantity: line.quantity, amount: line.unitPrice * op.data.quantity } : {}),
        ...(number ? { splitInto: number } : {}),
      };
    }
  }
}
