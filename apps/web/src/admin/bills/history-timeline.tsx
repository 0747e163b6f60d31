import { formatDateTime } from "../../shared/time/format-time.js";
import { useLoad } from "../api/use-load.js";
import { LoadError } from "../components/load-error.js";
import { useText } from "../i18n/admin-text.js";
import { storeTimeZone, useStore } from "../layout/store-context.js";
import { historyDetail, historyWho } from "./history-text.js";

/** Every op of a bill, oldest first: when, what, who on which device, who approved it. */
export function HistoryTimeline({ orderId }: { readonly orderId: string }) {
  const t = useText();
  const { api, catalog, salesVersion } = useStore();
  const timeZone = storeTimeZone(catalog);
  const history = useLoad(() => api.orderHistory(orderId), `${orderId}|${salesVersion}`);
  return (
    <>
      <LoadError error={history.error} />
      <ol className="a-timeline" data-testid="bill-history">
        {(history.data?.entries ?? []).map((entry) => (
          <li key={entry.id} data-testid="history-entry" data-kind={entry.kind}>
            <span className="muted small">{formatDateTime(entry.at, timeZone)}</span>
            <span>
              <strong>{t(`history.kinds.${entry.kind}`)}</strong> {historyDetail(entry, t)}
            </span>
            <span className="muted small">
              {historyWho(entry, t)}
              {entry.approver ? (
                <span className="badge warn" data-testid="history-approver">
                  {t("history.approvedBy", { name: entry.approver.name ?? t("history.unknownUser") })}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
