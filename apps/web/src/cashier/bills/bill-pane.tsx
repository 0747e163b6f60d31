import { refundableOf } from "@quay/core";
import { useTranslation } from "react-i18next";
import { Money } from "../../shared/money/money.js";
import { formatTime } from "../../shared/time/format-time.js";
import type { Order } from "../api/station-types.js";
import { asCoreOrder } from "./core-order.js";

interface BillPaneProps {
  readonly order: Order | null;
  readonly timeZone?: string | undefined;
  readonly onReprint: () => void;
  readonly onRefund: () => void;
}

/** One bill beside the list: its lines, payments and refunds, "In lại" and "Hoàn tiền". */
export function BillPane({ order, timeZone, onReprint, onRefund }: BillPaneProps) {
  const { t } = useTranslation();
  if (order === null) return <p className="bill-pane muted">{t("bills.pick")}</p>;
  const left = refundableOf(asCoreOrder(order));
  return (
    <section className="bill-pane" data-testid="bill-pane" aria-label={order.number ?? ""}>
      <h3>{order.number}</h3>
      <ul className="bill-lines">
        {order.lines.map((line) => (
          <li key={line.id}>
            <span>
              {line.quantity} × {line.name}
            </span>
            <Money amount={line.amount} />
          </li>
        ))}
        {order.discount > 0 ? (
          <li>
            <span>{t("order.discount")}</span>
            <Money amount={-order.discount} />
          </li>
        ) : null}
        <li className="bill-total">
          <span>{t("order.total")}</span>
          <Money amount={order.total} />
        </li>
        {order.payments.map((payment) => (
          <li key={payment.id}>
            <span>{t(`shift.methods.${payment.method}`)}</span>
            <Money amount={payment.amount} />
          </li>
        ))}
      </ul>
      {order.refunds.length > 0 ? (
        <>
          <h4>{t("bills.refunds")}</h4>
          <ul className="bill-lines" data-testid="bill-refunds">
            {order.refunds.map((refund) => (
              <li key={refund.id}>
                <span>
                  {formatTime(refund.at, timeZone)} {t(`shift.methods.${refund.method}`)} — {refund.reason}
                </span>
                <Money amount={refund.amount} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {left === 0 ? <p className="muted">{t("bills.nothingLeft")}</p> : null}
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onReprint} data-testid="bill-reprint">
          {t("bills.reprint")}
        </button>
        <button
          type="button"
          className="danger"
          disabled={left === 0}
          onClick={onRefund}
          data-testid="bill-refund"
        >
          {t("bills.refund")}
        </button>
      </div>
    </section>
  );
}
