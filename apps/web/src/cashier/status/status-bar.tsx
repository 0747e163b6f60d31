import { useTranslation } from "react-i18next";
import { LanguageToggle } from "../../shared/i18n/language-toggle.js";
import type { StreamState } from "../../shared/sse/use-event-source.js";
import { formatDateTime, formatTime } from "../../shared/time/format-time.js";
import type { SessionUser, StationStatus } from "../api/station-types.js";
import { syncErrorText } from "../sync/sync-error-text.js";
import "./status.css";

interface StatusBarProps {
  readonly status: StationStatus | null;
  readonly stream: StreamState;
  readonly storeName: string | null;
  readonly user: SessionUser;
  readonly timeZone: string | undefined;
  readonly onSyncNow: () => void;
  /** Opens the orders the server refused, for a manager. */
  readonly onRefused: () => void;
  readonly onHelp: () => void;
  /** Opens the phones and counters connected, with the waiter app's QR code. */
  readonly onConnections: () => void;
  readonly onLogout: () => void;
}

function isToday(iso: string): boolean {
  return new Date(iso).toDateString() === new Date().toDateString();
}

/** Always on screen: Online / Offline, the orders waiting to sync, the last sync time. */
export function StatusBar({
  status,
  stream,
  storeName,
  user,
  timeZone,
  onSyncNow,
  onRefused,
  onHelp,
  onConnections,
  onLogout,
}: StatusBarProps) {
  const { t } = useTranslation();
  const pending = status === null ? 0 : status.pending.openOrders + status.pending.paidOrders;
  const stationLost = stream === "lost";
  const mode = status?.mode ?? "online";
  const syncing = status?.sync.state === "running";
  const refusedCount = status?.refusedOrders?.length ?? 0;
  const clockOffMinutes = Math.round(Math.abs(status?.clockOffsetMs ?? 0) / 60_000);
  const canSync = status?.serverReachable === true && pending > 0 && !syncing;
  // The sync is offered and not yet accepted: the station pulls (phones' orders arrive) but keeps
  // its offline sales until the cashier says yes.
  const receivingOnly = status?.serverReachable === true && status.sync.state === "offered";
  // A spoke's link to the shop's hub: while it answers, the other counters share tables with
  // this one whatever the internet does.
  const hub = status?.hub ?? null;
  const hubText =
    hub === null
      ? null
      : !hub.registered
        ? t("status.hubUnregistered")
        : hub.reachable
          ? t("status.hubReachable")
          : t("status.hubLost");
  const lastSync =
    status?.lastSyncAt == null
      ? t("status.neverSynced")
      : t("status.lastSync", {
          time: isToday(status.lastSyncAt)
            ? formatTime(status.lastSyncAt, timeZone)
            : formatDateTime(status.lastSyncAt, timeZone),
        });

  return (
    <header className="status-bar" data-mode={stationLost ? "lost" : mode}>
      <div className="status-brand">
        <strong>Quầy</strong>
        {storeName === null ? null : <span className="status-store">{storeName}</span>}
      </div>
      <div className="status-live" aria-live="polite">
        <span className={`mode-pill ${stationLost ? "lost" : mode}`} data-testid="connection-mode">
          {stationLost
            ? t("status.stationLost")
            : mode === "online"
              ? t("status.online")
              : t("status.offline")}
        </span>
        <span className="status-item" data-testid="pending-count" data-count={pending}>
          {pending > 0 ? t("status.pending", { count: pending }) : t("status.pendingNone")}
        </span>
        {hub === null ? null : (
          <span
            className={`status-item${hub.registered && hub.reachable ? "" : " status-warn"}`}
            data-testid="hub-link"
            data-reachable={hub.registered && hub.reachable}
          >
            {hubText}
          </span>
        )}
        {receivingOnly ? (
          <span className="status-item" data-testid="receiving-only">
            {t("status.receivingOnly")}
          </span>
        ) : null}
        {syncing && status !== null ? (
          <span className="status-item">
            {t("status.syncing", { done: status.sync.done, total: status.sync.total })}
          </span>
        ) : (
          <span className="status-item muted" data-testid="last-sync">
            {lastSync}
          </span>
        )}
        {refusedCount > 0 ? (
          <button
            type="button"
            className="status-button status-error"
            data-testid="refused-count"
            onClick={onRefused}
          >
            {t("status.refused", { count: refusedCount })}
          </button>
        ) : status?.sync.state === "failed" ? (
          <span
            className="status-item status-error"
            data-testid="sync-error"
            title={syncErrorText(status.sync.error, t)}
          >
            {t("status.syncFailed")}
          </span>
        ) : null}
        {clockOffMinutes >= 2 ? (
          <span className="status-item status-error" data-testid="clock-off">
            {t("status.clockOff", { minutes: clockOffMinutes })}
          </span>
        ) : null}
        {canSync ? (
          <button type="button" className="status-button accent" onClick={onSyncNow}>
            {t("status.syncNow")}
          </button>
        ) : null}
      </div>
      <div className="status-user">
        <span className="status-item">{user.name}</span>
        <LanguageToggle
          label={t("status.language")}
          className="status-button"
          ariaLabel={t("status.languageLabel")}
          tagLanguage
        />
        <button
          type="button"
          className="status-button"
          onClick={onConnections}
          data-testid="open-connections"
        >
          {t("status.connections")}
        </button>
        <button type="button" className="status-button" onClick={onHelp} aria-keyshortcuts="F1">
          {t("status.help")}
        </button>
        <button type="button" className="status-button" onClick={onLogout}>
          {t("status.logout")}
        </button>
      </div>
    </header>
  );
}
