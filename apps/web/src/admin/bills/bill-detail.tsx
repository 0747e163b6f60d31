import { Money } from "../../shared/money/money.js";
import { formatDateTime } from "../../shared/time/format-time.js";
import type { Bill } from "../api/admin-types.js";
import type { StaffNames } from "../api/use-staff-names.js";
import { useText } from "../i18n/admin-text.js";
import { storeTimeZone, useStore } from "../layout/store-context.js";
import { HistoryTimeline } from "./history-timeline.js";

interface BillDetailProps {
  readonly bill: Bill;
  readonly names: StaffNames;
  readonly onClose: () => void;
}

/** One bill as it stands: its lines, totals, payments and refunds, then every op that made it. */
export function BillDetail({ bill, names, onClose }: BillDetailProps) {
  const t = useText();
  const timeZone = storeTimeZone(useStore().catalog);
  const row = (label: string, amount: number, testId?: string) => (
    <div className="a-bill-row" data-testid={testId} data-amount={amount}>
      <span>{label}</span>
      <Money amount={amount} />
    </div>
  );
  return (
    <section className="a-panel a-bill" data-testid="bill-detail" data-number={bill.number}>
      <div className="a-panel-head">
        <h2>{t("bills.detail", { number: bill.number ?? "" })}</h2>
        <button type="button" className="secondary" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
      <p className="muted small">
        {names.table(bill.tableId) ?? t("bills.noTable")}
        {bill.paidAt ? ` · ${formatDateTime(bill.paidAt, timeZone)}` : ""}
      </p>
      <h3>{t("bills.lines")}</h3>
      {bill.lines.map((line) => (
        <div className="a-bill-row" key={line.id}>
          <span>
            {line.name} × {line.quantity}
          </span>
          <Money amount={line.amount} />
        </div>
      ))}
      {bill.voidedLines.length > 0 ? <h3>{t("bills.voidedLines")}</h3> : null}
      {bill.voidedLines.map((line) => (
        <div className="a-bill-row voided" key={line.id}>
          <span>
            {line.name} × {line.quantity} · {line.voidReason}
          </span>
          <Money amount={line.amount} />
        </div>
      ))}
      {row(t("bills.subtotal"), bill.subtotal)}
      {bill.discount > 0 ? row(t("bills.discount"), bill.discount) : null}
      {row(t("bills.total"), bill.total, "bill-total")}
      <h3>{t("bills.payments")}</h3>
      {bill.payments.map((payment) => (
        <div key={payment.id}>{row(t(`reports.methods.${payment.method}`), payment.amount)}</div>
      ))}
      {bill.refunds.length > 0 ? <h3>{t("bills.refunds")}</h3> : null}
      {bill.refunds.map((refund) => (
        <div key={refund.id}>
          {row(`${t(`reports.methods.${refund.method}`)} · ${refund.reason}`, refund.amount, "bill-refund")}
        </div>
      ))}
      <h3>{t("bills.history")}</h3>
      <HistoryTimeline orderId={bill.id} />
    </section>
  );
}
