import { formatVnd } from "../../shared/money/format-money.js";
import type { HistoryEntry } from "../api/admin-types.js";
import type { AdminText } from "../i18n/admin-text.js";

/** What an op of a bill's history changed, in one line: "Bia Sài Gòn × 1 · 25.000 ₫ · Lý do: hết bia". */
export function historyDetail(entry: HistoryEntry, t: AdminText): string {
  const summary = entry.summary;
  const parts: string[] = [];
  if (summary.number !== undefined) parts.push(summary.number);
  if (summary.table !== undefined) parts.push(summary.table ?? t("history.noTable"));
  if (summary.line !== undefined) {
    const { line, quantity, previousQuantity } = summary;
    if (quantity === undefined) parts.push(line);
    else if (previousQuantity === undefined) parts.push(`${line} × ${quantity}`);
    else parts.push(`${line}: ${previousQuantity} → ${quantity}`);
  }
  if (summary.amount !== undefined) {
    const amount = formatVnd(summary.amount);
    parts.push(summary.method ? `${t(`reports.methods.${summary.method}`)} ${amount}` : amount);
  }
  if (summary.lines?.length) parts.push(summary.lines.join(", "));
  if (summary.reason) parts.push(t("history.reason", { reason: summary.reason }));
  if (summary.mergedInto) parts.push(t("history.mergedInto", { number: summary.mergedInto }));
  if (summary.splitInto) parts.push(t("history.splitInto", { number: summary.splitInto }));
  return parts.join(" · ");
}

/** Who made the op and where: "managerA · Quầy 1", or "… · Điện thoại / web". */
export function historyWho(entry: HistoryEntry, t: AdminText): string {
  const device = entry.device.kind === "web" ? t("history.web") : (entry.device.name ?? entry.device.id);
  return `${entry.actor.name ?? t("history.unknownUser")} · ${device}`;
}
