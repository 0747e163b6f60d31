import { describe, expect, it } from "vitest";
import type { SalesReport } from "../api/admin-types.js";
import { viText } from "../i18n/vi-text.test-support.js";
import { reportCsv } from "./report-csv.js";
import { reportTable } from "./report-views.js";

const t = viText;

const report: SalesReport = {
  revenue: 151_000,
  orders: 3,
  refunds: 0,
  discounts: 0,
  byDay: [
    { date: "2026-11-27", revenue: 58_000, orders: 1 },
    { date: "2026-11-28", revenue: 93_000, orders: 2 },
  ],
  byMethod: [
    { method: "cash", amount: 100_000 },
    { method: "transfer", amount: 51_000 },
  ],
  byItem: [
    { itemId: "0193c0de-0000-7000-8000-000000000001", name: "Cà phê sữa đá", quantity: 3, revenue: 87_000 },
    {
      itemId: "0193c0de-0000-7000-8000-000000000002",
      name: 'Trà "đào", cam sả',
      quantity: 2,
      revenue: 64_000,
    },
  ],
  byHour: [{ hour: 9, revenue: 151_000, orders: 3 }],
  byCategory: [{ categoryId: null, name: null, quantity: 5, revenue: 151_000 }],
  byStation: [{ stationId: null, code: null, name: null, orders: 3, revenue: 151_000 }],
  byCashier: [{ userId: "u1", name: "Lê Minh Thư", orders: 3, revenue: 151_000 }],
  discountsByDay: [],
  discountsByReason: [{ reason: "regular", discounts: 1, amount: 5_000 }],
  discountsByApprover: [],
  byItemOptions: [{ itemId: "i1", name: "Trà sữa (L, Trân châu)", quantity: 2, revenue: 90_000 }],
};

describe("the report CSV", () => {
  it("holds the screen's table: a BOM, a header, the rows and the total, money as whole đồng", () => {
    const csv = reportCsv(reportTable(report, "day", t));
    expect(csv.startsWith("\uFEFFNgày,Số hóa đơn,Doanh thu,Tỷ trọng\r\n")).toBe(true);
    expect(csv.split("\r\n")).toEqual([
      "\uFEFFNgày,Số hóa đơn,Doanh thu,Tỷ trọng",
      "27/11/2026,1,58000,38.4%",
      "28/11/2026,2,93000,61.6%",
      "Tổng cộng,3,151000,100.0%",
      "",
    ]);
  });

  it("quotes text with commas and quotes, and names what has no name", () => {
    const items = reportCsv(reportTable(report, "item", t)).split("\r\n");
    expect(items[2]).toBe('"Trà ""đào"", cam sả",2,64000,42.4%');
    expect(reportCsv(reportTable(report, "category", t)).split("\r\n")[1]).toBe("Món đã xóa,5,151000,100.0%");
    expect(reportCsv(reportTable(report, "station", t)).split("\r\n")[1]).toBe(
      "Điện thoại / máy chủ,3,151000,100.0%",
    );
    expect(reportCsv(reportTable(report, "method", t)).split("\r\n")).toEqual([
      "\uFEFFHình thức,Số tiền,Tỷ trọng",
      "Tiền mặt,100000,66.2%",
      "Chuyển khoản,51000,33.8%",
      "Tổng cộng,151000,100.0%",
      "",
    ]);
  });

  it("has the items as sold with their options, and the discounts by reason in the reader's words", () => {
    const options = reportCsv(reportTable(report, "itemOptions", t)).split("\r\n");
    expect(options[1]).toBe('"Trà sữa (L, Trân châu)",2,90000,100.0%');
    const reasons = reportCsv(reportTable(report, "discountReason", t)).split("\r\n");
    expect(reasons[0]).toBe("\uFEFFLý do,Lượt giảm,Tiền giảm,Tỷ trọng");
    expect(reasons[1]).toBe("Khách quen,1,5000,100.0%");
  });
});
