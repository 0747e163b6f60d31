import { can, localDate } from "@quay/core";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { SegmentedChoice } from "../../shared/components/segmented-choice.js";
import { formatVnd } from "../../shared/money/format-money.js";
import { Money } from "../../shared/money/money.js";
import { formatTime } from "../../shared/time/format-time.js";
import { errorText } from "../api/error-text.js";
import type { Order, PaymentMethod, SessionUser, Store } from "../api/station-types.js";
import { addDays } from "../day/day-dialog.js";
import { ReceiptDialog } from "../receipt/receipt-dialog.js";
import { BillPane } from "./bill-pane.js";
import type { BillSearch, BillsApi } from "./bills-api.js";
import { RefundDialog } from "./refund-dialog.js";
import "./bills.css";
import { dayText } from "../../shared/time/day-text.js";

interface BillHistoryDialogProps {
  readonly api: BillsApi;
  readonly store: Store | null;
  readonly user: SessionUser;
  /** A table's name for a bill (the floor as the counter knows it). */
  readonly tableName: (order: Order) => string;
  readonly onClose: () => void;
}

type MethodFilter = PaymentMethod | "all";
const FILTERS: readonly MethodFilter[] = ["all", "cash", "transfer", "card"];

/**
 * "Hóa đơn": the day's paid bills, newest first, found by number, table or amount and by method,
 * earlier days a tap away (from the station's own file, offline too); a bill opens beside the
 * list to print again ("IN LẠI") or refund, in whole or by line.
 */
export function BillHistoryDialog({ api, store, user, tableName, onClose }: BillHistoryDialogProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState<BillSearch>({ day: undefined, q: "", method: null, offset: 0 });
  const [bills, setBills] = useState<readonly Order[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Order | null>(null);
  const [action, setAction] = useState<"reprint" | "refund" | null>(null);

  const load = useCallback(async () => {
    try {
      const page = await api.list(search);
      setBills((current) => (search.offset === 0 ? page.orders : [...current, ...page.orders]));
      setNext(page.next);
      setError(null);
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }, [api, search, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const refine = (change: Partial<BillSearch>) =>
    setSearch((current) => ({ ...current, offset: 0, ...change }));
  const today = localDate(Date.now(), store?.timeZone);
  const shownDay = search.day ?? today;
  const replace = (order: Order) => {
    setBills((current) => current.map((bill) => (bill.id === order.id ? order : bill)));
    setSelected(order);
  };
  return (
    <Dialog
      title={t("bills.title", { day: dayText(shownDay) })}
      onClose={onClose}
      className="wide bill-history"
      testId="bill-history"
      actions={
        <button type="button" className="primary" onClick={onClose}>
          {t("common.close")}
        </button>
      }
    >
      <div className="bill-filters">
        <input
          type="search"
          placeholder={t("bills.search")}
          aria-label={t("bills.search")}
          value={search.q}
          onChange={(event) => refine({ q: event.target.value })}
          data-testid="bill-search"
        />
        <SegmentedChoice
          label={t("bills.method")}
          options={FILTERS}
          value={search.method ?? "all"}
          onChange={(method) => refine({ method: method === "all" ? null : method })}
          optionLabel={(option) => (option === "all" ? t("bills.allMethods") : t(`shift.methods.${option}`))}
        />
        <button type="button" className="secondary" onClick={() => refine({ day: addDays(shownDay, -1) })}>
          {t("day.previous")}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={search.day === undefined}
          onClick={() => refine({ day: addDays(shownDay, 1) >= today ? undefined : addDays(shownDay, 1) })}
        >
          {t("day.next")}
        </button>
      </div>
      {error ? <p className="form-error">{error}</p> : null}
      <div className="bill-columns">
        <ul className="bill-list" data-testid="bill-list">
          {bills.length === 0 ? <li className="muted">{t("bills.none")}</li> : null}
          {bills.map((bill) => (
            <li key={bill.id}>
              <button
                type="button"
                className={selected?.id === bill.id ? "bill-row selected" : "bill-row"}
                onClick={() => setSelected(bill)}
              >
                <span>{bill.paidAt ? formatTime(bill.paidAt, store?.timeZone) : ""}</span>
                <strong>{bill.number}</strong>
                <span>{tableName(bill)}</span>
                <Money amount={bill.total} />
                {bill.refunded > 0 ? (
                  <small className="refunded">
                    {t("bills.refundedMark", { amount: formatVnd(bill.refunded) })}
                  </small>
                ) : null}
              </button>
            </li>
          ))}
          {next === null ? null : (
            <li>
              <button
                type="button"
                className="secondary"
                onClick={() => setSearch((s) => ({ ...s, offset: next }))}
              >
                {t("bills.more")}
              </button>
            </li>
          )}
        </ul>
        <BillPane
          order={selected}
          timeZone={store?.timeZone}
          onReprint={() => setAction("reprint")}
          onRefund={() => setAction("refund")}
        />
      </div>
      {action === "reprint" && selected ? (
        <ReceiptDialog
          order={selected}
          store={store}
          tableName={tableName(selected)}
          cashierName={user.name}
          provisional={false}
          reprint
          onDone={() => setAction(null)}
        />
      ) : null}
      {action === "refund" && selected ? (
        <RefundDialog
          order={selected}
          api={api}
          needsPin={!can(user.role, "orders.refund")}
          onRefunded={(order) => {
            replace(order);
            setAction(null);
          }}
          onClose={() => setAction(null)}
        />
      ) : null}
    </Dialog>
  );
}
