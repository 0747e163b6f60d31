import type { AdminText } from "../i18n/admin-text.js";

/** How long ago a station was heard from: "Vừa xong", "5 phút trước", "3 giờ trước", "2 ngày trước". */
export function sinceText(iso: string | null, now: number, t: AdminText): string {
  if (iso === null) return t("stations.never");
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return t("stations.justNow");
  if (minutes < 60) return t("stations.ago", { time: t("stations.minutes", { count: minutes }) });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("stations.ago", { time: t("stations.hours", { count: hours }) });
  return t("stations.ago", { time: t("stations.days", { count: Math.floor(hours / 24) }) });
}
