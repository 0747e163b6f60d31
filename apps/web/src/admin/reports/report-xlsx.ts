import type { Workbook } from "exceljs";
import type { ColumnKind, ReportTable } from "./report-views.js";

/** Excel number formats: whole đồng with thousands separators, shares as percentages. */
const NUMBER_FORMATS: Partial<Record<ColumnKind, string>> = {
  count: "#,##0",
  money: '#,##0 "₫"',
  percent: "0.0%",
};

/**
 * The table exactly as the screen shows it, as one Excel sheet: the header and the total in bold,
 * numbers as numbers (so a sum or a chart works in Excel whatever its regional settings, unlike a
 * CSV, which Vietnamese settings open in one column).
 */
export function reportWorkbook(WorkbookClass: new () => Workbook, report: ReportTable, sheetName: string) {
  const workbook = new WorkbookClass();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = report.columns.map((column) => ({
    header: column.label,
    width: column.kind === "text" ? 32 : 16,
    style: { numFmt: NUMBER_FORMATS[column.kind] ?? "@" },
  }));
  for (const row of report.rows) sheet.addRow([...row]);
  const total = sheet.addRow([...report.total]);
  for (const bold of [sheet.getRow(1), total]) bold.font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return workbook;
}

/** The table as the bytes of an .xlsx file; the library loads only when someone exports. */
export async function reportXlsx(report: ReportTable, sheetName: string): Promise<Blob> {
  const { default: ExcelJS } = await import("exceljs");
  const bytes = await reportWorkbook(ExcelJS.Workbook, report, sheetName).xlsx.writeBuffer();
  return new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}
