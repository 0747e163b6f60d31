import { DISCOUNT_REASONS, type DiscountReason } from "@quay/core";
import { dayText } from "../../shared/time/day-text.js";
import type { SalesReport } from "../api/admin-types.js";
import type { AdminText } from "../i18n/admin-text.js";

export const REPORT_VIEWS = [
  "day",
  "item",
  "itemOptions",
  "category",
  "method",
  "station",
  "cashier",
  "hour",
  "discountDay",
  "discountReason",
  "discountApprover",
] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];

export type ColumnKind = "text" | "count" | "money" | "percent";

export interface ReportColumn {
  readonly label: string;
  readonly kind: ColumnKind;
}

/** A cell: text, a whole number (orders, quantity, đồng), or a share from 0 to 1. */
export type Cell = string | number;

/**
 * One view of a sales report as a table — what the screen shows and the CSV holds, from the same
 * rows — and the chart drawn from it.
 */
export interface ReportTable {
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly Cell[])[];
  readonly total: readonly Cell[];
  readonly chart: {
    readonly kind: "bar" | "bars-across" | "doughnut";
    readonly labels: string[];
    readonly values: number[];
  };
}

interface Group {
  readonly label: string;
  readonly count: number | null;
  readonly amount: number;
}

function table(
  groups: readonly Group[],
  heading: string,
  countLabel: string | null,
  amountLabel: string,
  t: AdminText,
  chart: ReportTable["chart"]["kind"],
): ReportTable {
  const sum = groups.reduce((total, group) => total + group.amount, 0);
  const share = (amount: number) => (sum === 0 ? 0 : amount / sum);
  const columns: ReportColumn[] = [
    { label: heading, kind: "text" },
    ...(countLabel === null ? [] : [{ label: countLabel, kind: "count" as const }]),
    { label: amountLabel, kind: "money" },
    { label: t("reports.columns.share"), kind: "percent" },
  ];
  const row = (group: Group): Cell[] => [
    group.label,
    ...(countLabel === null ? [] : [group.count ?? 0]),
    group.amount,
    share(group.amount),
  ];
  return {
    columns,
    rows: groups.map(row),
    total: row({
      label: t("common.total"),
      count: groups.reduce((total, group) => total + (group.count ?? 0), 0),
      amount: sum,
    }),
    chart: {
      kind: chart,
      labels: groups.map((group) => group.label),
      values: groups.map((group) => group.amount),
    },
  };
}

/** The table (and chart) of one view of the report, in the reader's language. */
export function reportTable(report: SalesReport, view: ReportView, t: AdminText): ReportTable {
  const orders = t("reports.columns.orders");
  const quantity = t("reports.columns.quantity");
  const revenue = t("reports.columns.revenue");
  switch (view) {
    case "day":
      return table(
        report.byDay.map((day) => ({ label: dayText(day.date), count: day.orders, amount: day.revenue })),
        t("reports.columns.date"),
        orders,
        revenue,
        t,
        "bar",
      );
    case "hour":
      return table(
        report.byHour.map((hour) => ({
          label: t("reports.hourLabel", { hour: String(hour.hour).padStart(2, "0") }),
          count: hour.orders,
          amount: hour.revenue,
        })),
        t("reports.columns.hour"),
        orders,
        revenue,
        t,
        "bar",
      );
    case "item":
      return table(
        report.byItem.map((item) => ({ label: item.name, count: item.quantity, amount: item.revenue })),
        t("reports.columns.item"),
        quantity,
        revenue,
        t,
        "bars-across",
      );
    case "itemOptions":
      // Each item as sold with each choice of options ("Trà sữa (L, Trân châu)"); absent from an older server.
      return table(
        (report.byItemOptions ?? []).map((item) => ({
          label: item.name,
          count: item.quantity,
          amount: item.revenue,
        })),
        t("reports.columns.item"),
        quantity,
        revenue,
        t,
        "bars-across",
      );
    case "category":
      return table(
        report.byCategory.map((category) => ({
          label: category.name ?? t("reports.unknownCategory"),
          count: category.quantity,
          amount: category.revenue,
        })),
        t("reports.columns.category"),
        quantity,
        revenue,
        t,
        "doughnut",
      );
    case "method":
      return table(
        report.byMethod.map((method) => ({
          label: t(`reports.methods.${method.method}`),
          count: null,
          amount: method.amount,
        })),
        t("reports.columns.method"),
        null,
        t("reports.columns.amount"),
        t,
        "doughnut",
      );
    case "station":
      return table(
        report.byStation.map((station) => ({
          label:
            station.stationId === null
              ? t("reports.serverCheckout")
              : station.code === null
                ? station.stationId.slice(0, 8)
                : `${station.code} · ${station.name ?? ""}`,
          count: station.orders,
          amount: station.revenue,
        })),
        t("reports.columns.station"),
        orders,
        revenue,
        t,
        "bars-across",
      );
    case "discountDay":
      return table(
        report.discountsByDay.map((day) => ({
          label: dayText(day.date),
          count: day.discounts,
          amount: day.amount,
        })),
        t("reports.columns.date"),
        t("reports.columns.discounts"),
        t("reports.columns.discounted"),
        t,
        "bar",
      );
    case "discountReason":
      return table(
        report.discountsByReason.map((entry) => ({
          label: reasonLabel(entry.reason, t),
          count: entry.discounts,
          amount: entry.amount,
        })),
        t("reports.columns.reason"),
        t("reports.columns.discounts"),
        t("reports.columns.discounted"),
        t,
        "doughnut",
      );
    case "discountApprover":
      return table(
        report.discountsByApprover.map((entry) => ({
          label: entry.userId === null ? t("reports.givenAlone") : (entry.name ?? t("reports.unknownUser")),
          count: entry.discounts,
          amount: entry.amount,
        })),
        t("reports.columns.approver"),
        t("reports.columns.discounts"),
        t("reports.columns.discounted"),
        t,
        "bars-across",
      );
    case "cashier":
      return table(
        report.byCashier.map((cashier) => ({
          label: cashier.name ?? t("reports.unknownUser"),
          count: cashier.orders,
          amount: cashier.revenue,
        })),
        t("reports.columns.cashier"),
        orders,
        revenue,
        t,
        "bars-across",
      );
  }
}

/** A discount's reason in the reader's words: one of the short list, else as it was typed. */
function reasonLabel(reason: string | null, t: AdminText): string {
  if (reason === null) return t("reports.noReason");
  return (DISCOUNT_REASONS as readonly string[]).includes(reason)
    ? t(`reports.discountReasons.${reason as DiscountReason}`)
    : reason;
}
