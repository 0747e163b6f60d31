import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { Field } from "../../shared/components/field.js";
import { FormError } from "../../shared/components/form-error.js";
import { MoneyInput } from "../../shared/money/money-input.js";
import { errorText } from "../api/error-text.js";

interface OpenShiftDialogProps {
  readonly onOpen: (openingCash: number) => Promise<void>;
  /** Absent when the store asks for a shift before any payment: the dialog must be answered. */
  readonly onClose?: (() => void) | undefined;
}

/** "Mở ca": the cash in the drawer as the shift starts (tiền đầu ca). */
export function OpenShiftDialog({ onOpen, onClose }: OpenShiftDialogProps) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (amount === null) return;
    setBusy(true);
    setError(null);
    try {
      await onOpen(amount);
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t("shift.openTitle")} testId="open-shift-dialog" {...(onClose ? { onClose } : {})}>
      <form onSubmit={submit} className="stack">
        <Field label={t("shift.openingCash")}>
          <MoneyInput
            value={amount}
            onChange={setAmount}
            label={t("shift.openingCash")}
            testId="opening-cash"
            autoFocus
          />
        </Field>
        <p className="muted small">{t("shift.openingHelp")}</p>
        <FormError problem={error} />
        <div className="dialog-actions">
          {onClose ? (
            <button type="button" className="secondary" onClick={onClose}>
              {t("common.cancel")}
            </button>
          ) : null}
          <button type="submit" className="primary" disabled={amount === null || busy}>
            {t("shift.open")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
