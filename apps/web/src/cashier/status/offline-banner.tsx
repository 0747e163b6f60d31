import { useTranslation } from "react-i18next";
import type { StationStatus } from "../api/station-types.js";

interface OfflineBannerProps {
  readonly status: StationStatus | null;
}

/**
 * While the station is offline: selling goes on; phone ordering and online reports wait. Not
 * while the sync is offered: the server answers and phones' orders arrive (the status bar says so).
 */
export function OfflineBanner({ status }: OfflineBannerProps) {
  const { t } = useTranslation();
  if (status === null || status.mode !== "offline") return null;
  if (status.serverReachable && status.sync.state === "offered") return null;
  const pending = status.pending.openOrders + status.pending.paidOrders;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <strong>{t("offline.title")}</strong>
      <span>{t("offline.body")}</span>
      {pending > 0 ? <span>{t("offline.pending", { count: pending })}</span> : null}
      <span>{t("offline.unavailable")}</span>
    </div>
  );
}
