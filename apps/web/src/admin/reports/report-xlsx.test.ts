import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { ReportTable } from "./report-views.js";
import { reportWorkbook } from "./report-xlsx.js";

const table: ReportTable = {
  columns: [
    { label: "Món", kind: "text" },
    { label: "Số lượng", kind: "count" },
    { label: "Doanh thu", kind: "money" },
    { label: "Tỷ trọng", kind: "percent" },
  ],
  rows: [
    ["Cà phê sữa đá", 3, 87_000, 0.576],
    ['Trà "đào", cam sả', 2, 64_000, 0.424],
  ],
  total: ["Tổng", 5, 151_000, 1],
  chart: { kind: "bar", labels: [], values: [] },
};

describe("the report as an Excel sheet", () => {
  it("holds the table's text and numbers as they are, read back from the file's bytes", async () => {
    const bytes = await reportWorkbook(ExcelJS.Workbook, table, "Theo món").xlsx.writeBuffer();
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(bytes);
    const sheet = read.getWorksheet("Theo món");
    const values = sheet
      ?.getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1));
    expect(values).toEqual([
      ["Món", "Số lượng", "Doanh thu", "Tỷ trọng"],
      ["Cà phê sữa đá", 3, 87_000, 0.576],
      ['Trà "đào", cam sả', 2, 64_000, 0.424],
      ["Tổng", 5, 151_000, 1],
    ]);
    expect(sheet?.getCell("C2").numFmt).toBe('#,##0 "₫"');
    expect(sheet?.getRow(4).font?.bold).toBe(true);
  });
});
