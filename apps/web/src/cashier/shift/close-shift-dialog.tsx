import { DENOMINATIONS } from "@quay/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatThousands } from "../../shared/money/format-money.js";
import { Money } from "../../shared/money/money.js";
import { FormDialog } from "../components/form-dialog.js";
import type { CashCount, Shift } from "./shift-api.js";

interface CloseShiftDialogProps {
  readonly shift: Shift;
  readonly onCloseShift: (counted: CashCount) => Promise<void>;
  readonly onClose: () => void;
}

/** "Kết ca": the drawer counted note by note with big steppers; expected, counted, difference live. */
export function CloseShiftDialog({ shift, onCloseShift, onClose }: CloseShiftDialogProps) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<Record<number, number>>({});
  const counted = DENOMINATIONS.reduce((sum, value) => sum + value * (notes[value] ?? 0), 0);
  const difference = counted - shift.expectedCash;
  const set = (value: number, count: number) =>
    setNotes((current) => ({ ...current, [value]: Math.max(0, Math.min(100_000, count)) }));

  const closeShift = () => {
    const count: CashCount = {};
    for (const value of DENOMINATIONS) if ((notes[value] ?? 0) > 0) count[`${value}`] = notes[value] ?? 0;
    return onCloseShift(count);
  };

  return (
    <FormDialog
      title={t("shift.closeTitle")}
      testId="close-shift-dialog"
      className="close-shift"
      onClose={onClose}
      ready
      submitLabel={t("shift.confirmClose")}
      onSubmit={closeShift}
    >
      <div className="denominations">
        {DENOMINATIONS.map((value) => {
          const label = formatThousands(value);
          const count = notes[value] ?? 0;
          return (
            <div className="denomination" key={value} data-testid={`notes-${value}`}>
              <span className="denomination-value">{label}</span>
              <button
                type="button"
                className="stepper"
                aria-label={t("shift.fewer", { value: label })}
                onClick={() => set(value, count - 1)}
              >
                −
              </button>
              <input
                inputMode="numeric"
                aria-label={t("shift.notes", { value: label })}
                value={count}
                onChange={(event) => set(value, Number(event.target.value.replace(/\D/g, "") || 0))}
                onFocus={(event) => event.target.select()}
              />
              <button
                type="button"
                className="stepper"
                aria-label={t("shift.more", { value: label })}
                onClick={() => set(value, count + 1)}
              >
                +
              </button>
            </div>
          );
        })}
      </div>
      <dl className="shift-sums">
        <dt>{t("shift.expected")}</dt>
        <dd data-testid="close-expected">
          <Money amount={shift.expectedCash} />
        </dd>
        <dt>{t("shift.counted")}</dt>
        <dd data-testid="close-counted">
          <Money amount={counted} />
        </dd>
        <dt>{t("shift.difference")}</dt>
        <dd data-testid="close-difference" className={difference < 0 ? "short" : undefined}>
          <Money amount={difference} />
        </dd>
      </dl>
    </FormDialog>
  );
}
