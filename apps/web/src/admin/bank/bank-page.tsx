import { BANK_OUTCOMES, type BankOutcome } from "@quay/core";
import { useState } from "react";
import { Field } from "../../shared/components/field.js";
import { Money } from "../../shared/money/money.js";
import { formatDateTime } from "../../shared/time/format-time.js";
import { useLoad } from "../api/use-load.js";
import { LoadedTable } from "../components/loaded-table.js";
import { PageHead } from "../components/page-head.js";
import { useText } from "../i18n/admin-text.js";
import { storeTimeZone, useStore } from "../layout/store-context.js";
import "./bank.css";

/**
 * "Chuyển khoản": every notification the store's bank sent (`GET /api/bank/notifications`), with
 * what the server made of it. Only `matched` ones were recorded by a counter; the rest are for a
 * manager to settle against the statement.
 */
export function BankPage() {
  const t = useText();
  const { api, storeId, catalog, salesVersion } = useStore();
  const timeZone = storeTimeZone(catalog);
  const [outcome, setOutcome] = useState<BankOutcome | "">("");
  const listed = useLoad(
    () => api.bankNotifications(storeId, outcome === "" ? undefined : outcome),
    `${storeId}|${outcome}|${salesVersion}`,
  );
  const list = listed.data?.notifications ?? [];

  return (
    <div className="a-page">
      <PageHead title={t("bank.title")} note={t("bank.note")} />
      {listed.data?.keySet === false ? <p className="form-error">{t("bank.noKey")}</p> : null}
      <div className="a-range">
        <Field label={t("bank.show")}>
          <select
            value={outcome}
            data-testid="bank-outcome"
            onChange={(event) => setOutcome(event.target.value as BankOutcome | "")}
          >
            <option value="">{t("bank.all")}</option>
            {BANK_OUTCOMES.map((option) => (
              <option key={option} value={option}>
                {t(`bank.outcomes.${option}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <LoadedTable
        error={listed.error}
        empty={listed.data !== null && list.length === 0}
        emptyText={t("bank.empty")}
        rowCount={list.length}
        testId="bank-table"
        columns={[
          { label: t("bank.columns.received") },
          { label: t("bank.columns.amount"), numeric: true },
          { label: t("bank.columns.content") },
          { label: t("bank.columns.order") },
          { label: t("bank.columns.ref") },
          { label: t("bank.columns.outcome") },
        ]}
      >
        {list.map((notification) => (
          <tr key={notification.id} data-testid="bank-row" data-outcome={notification.outcome}>
            <td>{formatDateTime(notification.receivedAt, timeZone)}</td>
            <td className="num">
              {notification.transferType === "out" ? "−" : ""}
              <Money amount={notification.amount} />
            </td>
            <td className="bank-content">{notification.content}</td>
            <td>{notification.orderNumber ?? ""}</td>
            <td>{notification.bankRef ?? ""}</td>
            <td>
              <span className={`badge bank-${notification.outcome}`}>
                {t(`bank.outcomes.${notification.outcome}`)}
              </span>
            </td>
          </tr>
        ))}
      </LoadedTable>
      <p className="muted small">{t("bank.help")}</p>
    </div>
  );
}
