import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "../api/admin-types.js";
import { viText } from "../i18n/vi-text.test-support.js";
import { historyDetail, historyWho } from "./history-text.js";

const entry = (kind: HistoryEntry["kind"], summary: HistoryEntry["summary"]): HistoryEntry => ({
  id: "0190a000-0000-7000-8000-000000000001",
  kind,
  at: "2026-11-28T03:00:00.000Z",
  actor: { id: "u1", name: "Lan" },
  approver: null,
  device: { id: "s1", kind: "station", name: "Quầy 1" },
  summary,
});
const text = (kind: HistoryEntry["kind"], summary: HistoryEntry["summary"]) =>
  historyDetail(entry(kind, summary), viText).replaceAll("\u00a0", " ");

describe("a history line", () => {
  it("says what each kind of op changed, in Vietnamese", () => {
    expect(text("open", { number: "CH01-Q1-20261128-0001", table: "Bàn 2" })).toBe(
      "CH01-Q1-20261128-0001 · Bàn 2",
    );
    expect(text("moveTable", { table: null })).toBe("Không bàn");
    expect(text("addLine", { line: "Cà phê sữa đá", quantity: 2, amount: 58_000 })).toBe(
      "Cà phê sữa đá × 2 · 58.000 ₫",
    );
    expect(
      text("setQuantity", { line: "Cà phê sữa đá", quantity: 1, previousQuantity: 2, reason: "đổi ý" }),
    ).toBe("Cà phê sữa đá: 2 → 1 · Lý do: đổi ý");
    expect(text("addPayment", { amount: 100_000, method: "cash" })).toBe("Tiền mặt 100.000 ₫");
    expect(text("voidLine", { line: "Bia", reason: "gộp", mergedInto: "CH01-W-20261128-0002" })).toBe(
      "Bia · Lý do: gộp · Gộp vào CH01-W-20261128-0002",
    );
    expect(text("refund", { amount: 29_000, method: "transfer", reason: "đổ", lines: ["Bạc xỉu"] })).toBe(
      "Chuyển khoản 29.000 ₫ · Bạc xỉu · Lý do: đổ",
    );
  });

  it("names the device, or the phone and web for ops made through the server", () => {
    expect(historyWho(entry("close", {}), viText)).toBe("Lan · Quầy 1");
    const web = {
      ...entry("close", {}),
      actor: { id: "u2", name: null },
      device: { id: "web-1", kind: "web" as const, name: null },
    };
    expect(historyWho(web, viText)).toBe("Không rõ · Điện thoại / web");
  });
});
