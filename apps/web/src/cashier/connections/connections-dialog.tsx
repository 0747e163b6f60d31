import type { StationConnections } from "@quay/protocol";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { QrCode } from "../../shared/components/qr-code.js";
import { formatTime } from "../../shared/time/format-time.js";
import { useApi } from "../api/api-context.js";
import { errorText } from "../api/error-text.js";
import "./connections.css";

/** The list is read again this often while the dialog is open: phones come and go. */
const REFRESH_MS = 5_000;

interface ConnectionsDialogProps {
  readonly timeZone: string | undefined;
  readonly onClose: () => void;
}

/**
 * What is connected to this station, and the QR code a waiter scans on the shop's Wi-Fi to open
 * the waiter app here (`GET /api/connections`): the counters using it as their hub, and the phones.
 */
export function ConnectionsDialog({ timeZone, onClose }: ConnectionsDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const [connections, setConnections] = useState<StationConnections | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      try {
        const answer = await api.connections();
        if (stopped) return;
        setConnections(answer);
        setProblem(null);
      } catch (failure) {
        if (!stopped) setProblem(errorText(failure, t));
      }
    };
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [api, t]);

  const seen = (iso: string | null) =>
    iso === null ? t("connections.notSeen") : t("connections.seen", { time: formatTime(iso, timeZone) });
  const waiterUrl = connections?.waiterAppUrls[0] ?? null;

  return (
    <Dialog title={t("connections.title")} onClose={onClose} testId="connections-dialog">
      <div className="connections">
        {problem === null ? null : <p className="form-error">{problem}</p>}
        {connections === null ? (
          <p className="muted">{t("common.loading")}</p>
        ) : waiterUrl === null ? (
          <p className="muted" data-testid="not-on-lan">
            {t("connections.notOnLan")}
          </p>
        ) : (
          <div className="connections-qr">
            <QrCode value={waiterUrl} size={200} label={t("connections.qrLabel")} />
            <p>{t("connections.scan")}</p>
            <strong data-testid="waiter-url">{waiterUrl}</strong>
          </div>
        )}
        {connections === null ? null : (
          <div className="connections-lists">
            <h3>{t("connections.counters")}</h3>
            {connections.spokes.length === 0 ? <p className="muted">{t("connections.none")}</p> : null}
            <ul>
              {connections.spokes.map((spoke) => (
                <li key={spoke.stationId} data-testid="connected-counter">
                  <strong>{spoke.name}</strong> <span className="muted">{seen(spoke.lastSeenAt)}</span>
                </li>
              ))}
            </ul>
            <h3>{t("connections.phones")}</h3>
            {connections.phones.length === 0 ? <p className="muted">{t("connections.none")}</p> : null}
            <ul>
              {connections.phones.map((phone) => (
                <li key={`${phone.username}@${phone.address}`} data-testid="connected-phone">
                  <strong>{phone.userName}</strong> <span className="muted">{phone.address}</span>{" "}
                  <span className="muted">{seen(phone.lastSeenAt)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </Dialog>
  );
}
