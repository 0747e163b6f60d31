import type { Cell, ReportTable } from "./report-views.js";

/** Excel reads a CSV as UTF-8 (and shows "Cà phê sữa đá", not mojibake) when it starts with a BOM. */
const BOM = "\uFEFF";

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A share as a percentage with one decimal, e.g. `12.5%` (a dot: no quoting, any Excel locale reads it). */
function percent(share: number): string {
  return `${(Math.round(share * 1_000) / 10).toFixed(1)}%`;
}

function cellText(cell: Cell, kind: ReportTable["columns"][number]["kind"]): string {
  if (typeof cell === "string") return quote(cell);
  if (kind === "percent") return percent(cell);
  // Whole đồng and counts, without separators, so spreadsheets read them as numbers.
  return String(Math.round(cell));
}

/**
 * The table exactly as the screen shows it, as CSV (RFC 4180, CRLF, comma-separated): the header,
 * one line per row, the total last; UTF-8 with a BOM.
 */
export function reportCsv(report: ReportTable): string {
  const lines = [
    report.columns.map((column) => quote(column.label)).join(","),
    ...[...report.rows, report.total].map((row) =>
      row.map((cell, index) => cellText(cell, report.columns[index]?.kind ?? "text")).join(","),
    ),
  ];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
