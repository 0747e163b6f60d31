import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AmountField } from "../components/amount-field.js";
import { FormDialog } from "../components/form-dialog.js";
import { ReasonChoice } from "../components/reason-choice.js";
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

  const record = async () => {
    if (amount !== null) await onRecord(amount, direction, reason.trim());
  };

  return (
    <FormDialog
      title={t("shift.cashTitle")}
      testId="cash-dialog"
      onClose={onClose}
      ready={amount !== null && amount > 0 && reason.trim() !== ""}
      submitLabel={t("shift.save")}
      onSubmit={record}
    >
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
      <AmountField label={t("shift.amount")} value={amount} onChange={setAmount} testId="cash-amount" />
      <ReasonChoice
        label={t("shift.reason")}
        reasons={REASONS.map((key) => t(`shift.reasons.${key}`))}
        otherLabel={t("shift.otherReason")}
        reason={reason}
        onChange={setReason}
      />
    </FormDialog>
  );
}
