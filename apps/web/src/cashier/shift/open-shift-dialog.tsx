import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AmountField } from "../components/amount-field.js";
import { FormDialog } from "../components/form-dialog.js";

interface OpenShiftDialogProps {
  readonly onOpen: (openingCash: number) => Promise<void>;
  /** Absent when the store asks for a shift before any payment: the dialog must be answered. */
  readonly onClose?: (() => void) | undefined;
}

/** "Mở ca": the cash in the drawer as the shift starts (tiền đầu ca). */
export function OpenShiftDialog({ onOpen, onClose }: OpenShiftDialogProps) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState<number | null>(null);

  const open = async () => {
    if (amount !== null) await onOpen(amount);
  };

  return (
    <FormDialog
      title={t("shift.openTitle")}
      testId="open-shift-dialog"
      onClose={onClose}
      ready={amount !== null}
      submitLabel={t("shift.open")}
      onSubmit={open}
    >
      <AmountField label={t("shift.openingCash")} value={amount} onChange={setAmount} testId="opening-cash" />
      <p className="muted small">{t("shift.openingHelp")}</p>
    </FormDialog>
  );
}
