import { type AuditEvent, type AuditKind, localDate, orderAuditEvents } from "@quay/core";
import type { AuditReport, AuditRow, ShiftView } from "@quay/protocol";
import { all, placeholders, type Script } from "../sql-script.js";
import { userNames } from "./display-names.js";
import { loadOrderOps, opsByOrder } from "./order-log.js";

export interface AuditInput {
  /** The stores covered, with the time zone their days are counted in. */
  readonly stores: readonly { readonly id: string; readonly timeZone: string }[];
  /** First and last local day, inclusive (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
}

const DAY_MS = 86_400_000;
/** The op kinds an audit event comes of, as they stand in an op's JSON. */
const AUDITED_OPS = ["voidLine", "voidOrder", "setQuantity", "discount", "refund"].map(
  (kind) => `%"kind":"${kind}"%`,
);
const TALLY_OF: Record<AuditKind, "voids" | "reductions" | "discounts" | "refunds"> = {
  void: "voids",
  reduction: "reductions",
  discount: "discounts",
  refund: "refunds",
};

type Figures = Omit<AuditRow, "date" | "userId" | "name">;
const emptyFigures = (): Figures => ({
  voids: { count: 0, amount: 0 },
  reductions: { count: 0, amount: 0 },
  discounts: { count: 0, amount: 0 },
  refunds: { count: 0, amount: 0 },
  cashIn: 0,
  cashOut: 0,
  shifts: 0,
  shiftDifference: 0,
});

/**
 * The audit (`GET /api/reports/audit`): per local day and per cashier, the voids, reductions,
 * discounts and refunds they made (core's `orderAuditEvents`, from each order's ops), the cash
 * they took in and out of a drawer, and the differences of the shifts they closed. The orders are
 * those whose log holds such an op (found in the ops' JSON, as the log has no column for an op's
 * kind: a scan of the stores' ops), the shifts those open during the range.
 */
export function* auditReport(input: AuditInput): Script<AuditReport> {
  const storeIds = input.stores.map((store) => store.id);
  if (storeIds.length === 0) return { rows: [] };
  const timeZones = new Map(input.stores.map((store) => [store.id, store.timeZone]));
  const rows = new Map<string, { date: string; userId: string; figures: Figures }>();
  const figuresOf = (date: string, userId: string) => {
    const key = `${date}|${userId}`;
    const row = rows.get(key) ?? { date, userId, figures: emptyFigures() };
    rows.set(key, row);
    return row.figures;
  };
  const dayIn = (storeId: string, at: string) => {
    const day = localDate(Date.parse(at), timeZones.get(storeId));
    return day >= input.from && day <= input.to ? day : null;
  };

  const stores = `store_id IN (${placeholders(storeIds.length)})`;
  const audited = yield* all<{ order_id: string; store_id: string }>(
    `SELECT DISTINCT order_id, store_id FROM ops WHERE ${stores}
     AND (${AUDITED_OPS.map(() => "body LIKE ?").join(" OR ")})`,
    [...storeIds, ...AUDITED_OPS],
  );
  const storeOf = new Map(audited.map((row) => [row.order_id, row.store_id]));
  const opsOf = opsByOrder(yield* loadOrderOps([...storeOf.keys()]));
  for (const [orderId, storeId] of storeOf) {
    for (const event of orderAuditEvents(orderId, opsOf.get(orderId) ?? [])) {
      const day = dayIn(storeId, event.at);
      if (day !== null) count(figuresOf(day, event.userId), event);
    }
  }

  // A day in any time zone lies within a day either side of its UTC date.
  const since = new Date(Date.parse(`${input.from}T00:00:00.000Z`) - DAY_MS).toISOString();
  const until = new Date(Date.parse(`${input.to}T00:00:00.000Z`) + 2 * DAY_MS).toISOString();
  const shifts = yield* all<{ store_id: string; body: string }>(
    `SELECT store_id, body FROM shifts WHERE ${stores}
     AND (closed_at IS NULL OR closed_at >= ?) AND (opened_at IS NULL OR opened_at < ?)`,
    [...storeIds, since, until],
  );
  for (const row of shifts) {
    const shift = JSON.parse(row.body) as ShiftView;
    for (const movement of shift.movements) {
      const day = dayIn(row.store_id, movement.at);
      if (day === null) continue;
      const figures = figuresOf(day, movement.userId);
      if (movement.direction === "in") figures.cashIn += movement.amount;
      else figures.cashOut += movement.amount;
    }
    const cashier = shift.closedByUserId ?? shift.openedByUserId;
    const day = shift.closedAt === null ? null : dayIn(row.store_id, shift.closedAt);
    if (day !== null && cashier !== null && shift.difference !== null) {
      const figures = figuresOf(day, cashier);
      figures.shifts += 1;
      figures.shiftDifference += shift.difference;
    }
  }

  const names = yield* userNames([...rows.values()].map((row) => row.userId));
  const listed = [...rows.values()].map(
    ({ date, userId, figures }): AuditRow => ({ date, userId, name: names.get(userId) ?? null, ...figures }),
  );
  listed.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff", "vi") ||
      a.userId.localeCompare(b.userId),
  );
  return { rows: listed };
}

function count(figures: Figures, event: AuditEvent): void {
  const tally = figures[TALLY_OF[event.kind]];
  tally.count += 1;
  tally.amount += event.amount;
}
