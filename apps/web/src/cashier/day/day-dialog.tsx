import type { DayAnswer } from "@quay/protocol";
import { Fragment, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { formatVnd } from "../../shared/money/format-money.js";
import { Money } from "../../shared/money/money.js";
import { formatDateTime } from "../../shared/time/format-time.js";
import { errorText } from "../api/error-text.js";
import type { DayApi } from "./day-api.js";
import "./day.css";

interface DayDialogProps {
  readonly api: DayApi;
  readonly timeZone?: string | undefined;
  readonly onClose: () => void;
}

/** A local day `offset` days from `day` (YYYY-MM-DD), by the calendar. */
export function addDays(day: string, offset: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The day at the counter: the day's sales, refunds and revenue, by payment method, this counter's
 * share, the open orders and the open shift, from the station's own file (offline too, saying
 * what may be missing). Earlier days a tap away.
 */
export function DayDialog({ api, timeZone, onClose }: DayDialogProps) {
  const { t } = useTranslation();
  const [day, setDay] = useState<string | undefined>(undefined);
  const [answer, setAnswer] = useState<DayAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setAnswer(await api.get(day));
      setError(null);
    } catch (failure) {
      setError(errorText(failure, t));
    }
  }, [api, day, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const figures = answer?.figures;
  const today = answer !== null && day === undefined;
  const row = (label: string, amount: number, testId: string) => (
    <Fragment key={testId}>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        <Money amount={amount} />
      </dd>
    </Fragment>
  );
  return (
    <Dialog
      title={figures && !today ? t("day.titleOf", { day: figures.day }) : t("day.title")}
      onClose={onClose}
      testId="day-dialog"
      actions={
        <>
          <button
            type="button"
            className="secondary"
            disabled={!figures}
            onClick={() => figures && setDay(addDays(figures.day, -1))}
          >
            {t("day.previous")}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!figures || today}
            onClick={() => figures && setDay(addDays(figures.day, 1))}
          >
            {t("day.next")}
          </button>
          <button type="button" className="primary" onClick={onClose}>
            {t("common.close")}
          </button>
        </>
      }
    >
      {error ? <p className="error">{error}</p> : null}
      {figures ? (
        <div className="stack">
          <dl className="shift-sums">
            {row(t("day.sales", { bills: figures.bills }), figures.sales, "day-sales")}
            {row(t("day.refunds"), figures.refunds, "day-refunds")}
            {row(t("day.revenue"), figures.revenue, "day-revenue")}
            {row(t("day.here", { bills: figures.here.bills }), figures.here.sales, "day-here")}
            {row(t("day.open", { orders: figures.open.orders }), figures.open.amount, "day-open")}
          </dl>
          <h3>{t("day.byMethod")}</h3>
          <dl className="shift-sums">
            {figures.byMethod.map((entry) =>
              row(t(`shift.methods.${entry.method}`), entry.amount, `day-method-${entry.method}`),
            )}
          </dl>
          <h3>{t("day.shift")}</h3>
          <p data-testid="day-shift">
            {answer.shift
              ? t("day.shiftFigures", {
                  orders: answer.shift.orders,
                  revenue: formatVnd(answer.shift.revenue),
                  expected: formatVnd(answer.shift.expectedCash),
                })
              : t("day.noShift")}
          </p>
          <p className={answer.partial ? "day-note warning" : "day-note muted small"} data-testid="day-note">
            {answer.partial
              ? answer.lastSyncAt
                ? t("day.partial", { since: formatDateTime(answer.lastSyncAt, timeZone) })
                : t("day.partialNever")
              : t("day.complete")}
          </p>
        </div>
      ) : null}
    </Dialog>
  );
}
