import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { Field } from "../../shared/components/field.js";
import { FormError } from "../../shared/components/form-error.js";
import { TextField } from "../../shared/components/text-field.js";
import { MoneyInput } from "../../shared/money/money-input.js";
import { errorText } from "../api/error-text.js";
import { shiftVi } from "./shift-messages.js";

interface CashMovementDialogProps {
  readonly onRecord: (amount: number, direction: "in" | "out", reason: string) => Promise<void>;
  readonly onClose: () => void;
}

const REASONS = Object.keys(shiftVi.reasons) as (keyof typeof shiftVi.reasons)[];

/** "Thu/Chi": cash taken into or out of the drawer, with its reason. */
export function CashMovementDialog({ onRecord, onClose }: CashMovementDialogProps) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<"in" | "out">("out");
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = amount !== null && amount > 0 && reason.trim() !== "";

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready || amount === null) return;
    setBusy(true);
    setError(null);
    try {
      await onRecord(amount, direction, reason.trim());
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("shift.cashTitle")} onClose={onClose} testId="cash-dialog">
      <form onSubmit={submit} className="stack">
        <fieldset className="chips" aria-label={t("shift.cashTitle")}>
          {(["out", "in"] as const).map((value) => (
            <button
              type="button"
              key={value}
              className={direction === value ? "chip selected" : "chip"}
              aria-pressed={direction === value}
              onClick={() => setDirection(value)}
            >
              {t(value === "in" ? "shift.cashIn" : "shift.cashOut")}
            </button>
          ))}
        </fieldset>
        <Field label={t("shift.amount")}>
          <MoneyInput
            value={amount}
            onChange={setAmount}
            label={t("shift.amount")}
            testId="cash-amount"
            autoFocus
          />
        </Field>
        <fieldset className="chips" aria-label={t("shift.reason")}>
          <legend>{t("shift.reason")}</legend>
          {REASONS.map((key) => {
            const text = t(`shift.reasons.${key}`);
            return (
              <button
                type="button"
                key={key}
                className={reason === text ? "chip selected" : "chip"}
                aria-pressed={reason === text}
                onClick={() => setReason(text)}
              >
                {text}
              </button>
            );
          })}
        </fieldset>
        <TextField label={t("shift.otherReason")} value={reason} maxLength={200} onValue={setReason} />
        <FormError problem={error} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="primary" disabled={!ready || busy}>
            {t("shift.save")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
