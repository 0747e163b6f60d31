import type { ShiftDetailsView } from "@quay/protocol";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { Money } from "../../shared/money/money.js";
import { formatTime } from "../../shared/time/format-time.js";

interface ShiftReportDetailsProps {
  readonly details: ShiftDetailsView;
  readonly timeZone?: string | undefined;
}

/** The report's sections beyond the cash: sales by category, discounts, and every control with who approved it. */
export function ShiftReportDetails({ details, timeZone }: ShiftReportDetailsProps) {
  const { t } = useTranslation();
  return (
    <>
      <h3>{t("shift.byCategory")}</h3>
      <dl className="shift-sums" data-testid="report-by-category">
        {details.byCategory.map((entry) => (
          <Fragment key={entry.name ?? ""}>
            <dt>
              {entry.name ?? t("shift.offMenu")} × {entry.quantity}
            </dt>
            <dd>
              <Money amount={entry.amount} />
            </dd>
          </Fragment>
        ))}
      </dl>
      <dl className="shift-sums">
        <dt>{t("shift.discounts", { bills: details.discounts.bills })}</dt>
        <dd data-testid="report-discounts">
          <Money amount={details.discounts.amount} />
        </dd>
      </dl>
      <h3>{t("shift.controls")}</h3>
      {details.controls.length === 0 ? (
        <p>{t("shift.noControls")}</p>
      ) : (
        <ul className="shift-movements" data-testid="report-controls">
          {details.controls.map((control) => (
            <li key={`${control.kind}-${control.orderId}-${control.at}`}>
              {formatTime(control.at, timeZone)} {t(`shift.controlKinds.${controlLabel(control)}`)}{" "}
              {control.itemName ? `${control.quantity} × ${control.itemName} ` : ""}
              <Money amount={control.amount} /> — {control.orderNumber ?? ""} · {control.userName}
              {control.approverName ? ` (${t("shift.approvedBy", { name: control.approverName })})` : ""}
              {control.reason ? ` — ${control.reason}` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A void names a line or the whole order. */
function controlLabel(control: ShiftDetailsView["controls"][number]) {
  if (control.kind !== "void") return control.kind;
  return control.itemName === null ? "voidOrder" : "voidLine";
}
