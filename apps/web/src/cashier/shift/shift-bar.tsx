import { type ReactNode, useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatVnd } from "../../shared/money/format-money.js";
import { formatTime } from "../../shared/time/format-time.js";
import type { StationApi } from "../api/station-api.js";
import type { Order, SessionUser, StationStatus, Store } from "../api/station-types.js";
import { BillHistoryDialog } from "../bills/bill-history-dialog.js";
import { DayDialog } from "../day/day-dialog.js";
import { CashMovementDialog } from "./cash-movement-dialog.js";
import { CloseShiftDialog } from "./close-shift-dialog.js";
import { OpenShiftDialog } from "./open-shift-dialog.js";
import type { Shift } from "./shift-api.js";
import { ShiftReport } from "./shift-report.js";
import "./shift.css";

interface ShiftBarProps {
  readonly api: StationApi;
  readonly store: Store | null;
  readonly status: StationStatus | null;
  /** Changes whenever an order changes: the shift's figures are read again. */
  readonly ordersVersion: unknown;
  readonly user: SessionUser;
  /** A bill's table name, from the floor the counter knows. */
  readonly tableName: (order: Order) => string;
}

type Open = "open" | "cash" | "close" | "day" | "bills" | null;

/** One of the bar's buttons, each opening its dialog. */
function BarButton(props: {
  readonly className: string;
  readonly testId: string;
  readonly onClick: () => void;
  readonly children: ReactNode;
}) {
  return (
    <button type="button" className={props.className} data-testid={props.testId} onClick={props.onClick}>
      {props.children}
    </button>
  );
}

/**
 * The counter's shift under the status bar: "Mở ca" while none is open (asked for at once when
 * the store requires a shift), else the shift's figures so far with "Thu/Chi" and "Kết ca"; the
 * end-of-shift report once closed; "Hôm nay", the day's figures. All from the station's own data,
 * online or not.
 */
export function ShiftBar({ api, store, status, ordersVersion, user, tableName }: ShiftBarProps) {
  const { t } = useTranslation();
  const [shift, setShift] = useState<Shift | null | undefined>(undefined);
  const [dialog, setDialog] = useState<Open>(null);
  const [report, setReport] = useState<Shift | null>(null);
  const required = store?.shiftRequired === true;

  const refresh = useCallback(async () => {
    try {
      setShift(await api.shift.current());
    } catch {
      // a waiter's session may not run shifts, or the station is restarting: show nothing
      setShift(undefined);
    }
  }, [api]);
  useEffect(() => {
    void ordersVersion;
    void refresh();
  }, [refresh, ordersVersion]);

  if (shift === undefined) return null;
  const timeZone = store?.timeZone;
  return (
    <>
      <div className="shift-bar" data-testid="shift-bar">
        {shift === null ? (
          <>
            <strong>{t("shift.none")}</strong>
            {required ? <span>{t("shift.noneRequired")}</span> : null}
            <BarButton className="primary" testId="shift-open" onClick={() => setDialog("open")}>
              {t("shift.open")}
            </BarButton>
          </>
        ) : (
          <>
            <strong>
              {t("shift.openedAt", { time: shift.openedAt ? formatTime(shift.openedAt, timeZone) : "" })}
            </strong>
            <span data-testid="shift-figures">
              {t("shift.shiftFigures", {
                orders: shift.orders,
                revenue: formatVnd(shift.revenue),
                expected: formatVnd(shift.expectedCash),
              })}
            </span>
            <BarButton className="secondary" testId="shift-cash" onClick={() => setDialog("cash")}>
              {t("shift.cash")}
            </BarButton>
            <BarButton className="primary" testId="shift-close" onClick={() => setDialog("close")}>
              {t("shift.close")}
            </BarButton>
          </>
        )}
        {status?.mode === "offline" ? <span className="muted small">{t("shift.offlineNote")}</span> : null}
        <BarButton className="secondary day-button" testId="bills-open" onClick={() => setDialog("bills")}>
          {t("bills.button")}
        </BarButton>
        <BarButton className="secondary" testId="day-open" onClick={() => setDialog("day")}>
          {t("day.button")}
        </BarButton>
      </div>
      {dialog === "bills" ? (
        <BillHistoryDialog
          api={api.bills}
          store={store}
          user={user}
          tableName={tableName}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === "day" ? (
        <DayDialog api={api.day} timeZone={timeZone} onClose={() => setDialog(null)} />
      ) : null}
      {dialog === "open" || (shift === null && required && report === null) ? (
        <OpenShiftDialog
          onOpen={async (openingCash) => {
            setShift(await api.shift.open(openingCash));
            setDialog(null);
          }}
          onClose={required ? undefined : () => setDialog(null)}
        />
      ) : null}
      {dialog === "cash" && shift ? (
        <CashMovementDialog
          onRecord={async (amount, direction, reason) => {
            setShift(await api.shift.cash(amount, direction, reason));
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog === "close" && shift ? (
        <CloseShiftDialog
          shift={shift}
          onCloseShift={async (counted) => {
            setReport(await api.shift.close(counted));
            setShift(null);
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {report ? <ShiftReport shift={report} timeZone={timeZone} onClose={() => setReport(null)} /> : null}
    </>
  );
}
