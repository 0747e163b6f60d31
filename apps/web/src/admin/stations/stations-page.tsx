import { useEffect, useState } from "react";
import { formatDateTime } from "../../shared/time/format-time.js";
import { useNow } from "../../shared/time/use-now.js";
import type { Station } from "../api/admin-types.js";
import { useLoad } from "../api/use-load.js";
import { ConfirmDialog } from "../components/confirm-dialog.js";
import { DataTable } from "../components/data-table.js";
import { LoadError } from "../components/load-error.js";
import { PageHead } from "../components/page-head.js";
import { useAction } from "../components/use-action.js";
import { useText } from "../i18n/admin-text.js";
import { storeTimeZone, useStore } from "../layout/store-context.js";
import { sinceText } from "./since-text.js";
import "./stations.css";

const REFRESH_MS = 15_000;

/** The counter stations: when each was last heard from, online or not, and what it still holds unsynced. */
export function StationsPage() {
  const t = useText();
  const { api, storeId, catalog, salesVersion } = useStore();
  const stations = useLoad(() => api.stations(storeId), `${storeId}|${salesVersion}`);
  const now = useNow(REFRESH_MS);
  const [revoking, setRevoking] = useState<Station | null>(null);
  const action = useAction();
  const { reload } = stations;
  // A station going quiet shows no event: look again every few seconds.
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  return (
    <div className="a-page">
      <PageHead title={t("stations.title")} />
      <LoadError error={stations.error} />
      {stations.data?.length === 0 ? <p className="muted">{t("stations.none")}</p> : null}
      <DataTable
        frameClassName="a-panel"
        hidden={!stations.data?.length}
        columns={[
          { label: t("stations.code") },
          { label: t("stations.name") },
          { label: t("stations.status") },
          { label: t("stations.lastSeen") },
          { label: t("stations.pending") },
          { label: t("stations.revoke"), hidden: true },
        ]}
      >
        {(stations.data ?? []).map((station) => {
          const pending = station.pending;
          const waiting = pending === null ? 0 : pending.openOrders + pending.paidOrders;
          const refused = pending?.refused ?? [];
          return (
            <tr
              key={station.id}
              data-testid="station-row"
              data-code={station.code}
              data-online={station.online}
              data-pending={waiting}
            >
              <td>
                <strong>{station.code}</strong>
              </td>
              <td>{station.name}</td>
              <td>
                <span
                  className={`badge ${!station.active ? "revoked" : station.online ? "online" : "offline"}`}
                >
                  {!station.active
                    ? t("stations.revoked")
                    : station.online
                      ? t("stations.online")
                      : t("stations.offline")}
                </span>
              </td>
              <td
                title={
                  station.lastSeenAt ? formatDateTime(station.lastSeenAt, storeTimeZone(catalog)) : undefined
                }
              >
                {sinceText(station.lastSeenAt, now, t)}
              </td>
              <td className={waiting > 0 || refused.length > 0 ? "a-warn" : undefined}>
                {pending === null
                  ? t("stations.pendingUnknown")
                  : t("stations.pendingCounts", { open: pending.openOrders, paid: pending.paidOrders })}
                {refused.length > 0 ? (
                  <details className="a-refused" data-testid="station-refused" data-count={refused.length}>
                    <summary>{t("stations.refused", { count: refused.length })}</summary>
                    <ul>
                      {refused.map((order) => (
                        <li key={order.orderId}>
                          {t("stations.refusedOrder", {
                            number: order.number ?? order.orderId,
                            code: order.code,
                          })}
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </td>
              <td className="a-row-actions">
                {station.active ? (
                  <button type="button" className="secondary" onClick={() => setRevoking(station)}>
                    {t("stations.revoke")}
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
      <p className="muted small">{t("stations.help")}</p>
      {revoking === null ? null : (
        <ConfirmDialog
          title={t("stations.revoke")}
          message={t("stations.confirmRevoke", { name: `${revoking.code} · ${revoking.name}` })}
          confirmLabel={t("stations.revoke")}
          action={action}
          change={() => api.revokeStation(revoking.id)}
          onDone={() => {
            setRevoking(null);
            stations.reload();
          }}
          onClose={() => setRevoking(null)}
        />
      )}
    </div>
  );
}
