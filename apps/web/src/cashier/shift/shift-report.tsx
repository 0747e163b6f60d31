import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { Money } from "../../shared/money/money.js";
import { formatDateTime } from "../../shared/time/format-time.js";
import type { Shift } from "./shift-api.js";
import { ShiftReportDetails } from "./shift-report-details.js";

interface ShiftReportProps {
  readonly shift: Shift;
  readonly timeZone?: string | undefined;
  readonly onClose: () => void;
}

/** The end-of-shift report, printed from the browser on 80 mm paper. */
export function ShiftReport({ shift, timeZone, onClose }: ShiftReportProps) {
  const { t } = useTranslation();
  const row = (label: string, amount: number | null, testId: string) => (
    <Fragment key={testId}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{amount === null ? "—" : <Money amount={amount} />}</dd>
    </Fragment>
  );
  return (
    <Dialog title={t("shift.reportTitle")} onClose={onClose} testId="shift-report" className="shift-report">
      <div className="stack receipt-paper">
        <p>
          {t("shift.opened")}: {shift.openedAt ? formatDateTime(shift.openedAt, timeZone) : "—"}
          <br />
          {t("shift.closed")}: {shift.closedAt ? formatDateTime(shift.closedAt, timeZone) : "—"}
        </p>
        <dl className="shift-sums">
          {row(t("shift.openingCash"), shift.openingCash, "report-opening")}
          {row(t("shift.cashSales"), shift.cashSales, "report-cash-sales")}
          {row(t("shift.cashRefunds"), shift.cashRefunds, "report-cash-refunds")}
          {row(t("shift.cashIn"), shift.cashIn, "report-cash-in")}
          {row(t("shift.cashOut"), shift.cashOut, "report-cash-out")}
          {row(t("shift.expected"), shift.expectedCash, "report-expected")}
          {row(t("shift.counted"), shift.countedCash, "report-counted")}
          {row(t("shift.difference"), shift.difference, "report-difference")}
          {row(t("shift.revenue"), shift.revenue, "report-revenue")}
          <dt>{t("shift.orders")}</dt>
          <dd data-testid="report-orders">{shift.orders}</dd>
        </dl>
        <h3>{t("shift.byMethod")}</h3>
        <dl className="shift-sums">
          {shift.byMethod.map((entry) =>
            row(t(`shift.methods.${entry.method}`), entry.amount, `report-method-${entry.method}`),
          )}
        </dl>
        {shift.details ? <ShiftReportDetails details={shift.details} timeZone={timeZone} /> : null}
        {shift.movements.length > 0 ? (
          <>
            <h3>{t("shift.movements")}</h3>
            <ul className="shift-movements">
              {shift.movements.map((movement) => (
                <li key={movement.id}>
                  {t(movement.direction === "in" ? "shift.inShort" : "shift.outShort")}{" "}
                  <Money amount={movement.amount} /> — {movement.reason}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="secondary" onClick={onClose}>
          {t("common.close")}
        </button>
        <button type="button" className="primary" onClick={() => window.print()}>
          {t("shift.print")}
        </button>
      </div>
    </Dialog>
  );
}
