import { useTranslation } from "react-i18next";
import type { StationStatus } from "../api/station-types.js";

interface SyncProgressProps {
  readonly phase: StationStatus["sync"]["phase"];
  readonly done: number;
  readonly total: number;
}

/** "Đang đồng bộ hóa đơn 12/530" and its bar; open orders go first, then paid invoices. */
export function SyncProgress({ phase, done, total }: SyncProgressProps) {
  const { t } = useTranslation();
  const label =
    phase === "open"
      ? t("sync.phaseOpen", { done, total })
      : phase === "paid"
        ? t("sync.phasePaid", { done, total })
        : t("sync.starting");
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div className="sync-progress">
      <p data-testid="sync-progress-label">{label}</p>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
