import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { MoneyInput } from "../../shared/money/money-input.js";

interface CardPanelProps {
  readonly due: number;
  readonly busy: boolean;
  readonly onPay: (amount: number) => void;
}

/** Card: the amount charged on the bank's terminal, confirmed by the cashier. */
export function CardPanel({ due, busy, onPay }: CardPanelProps) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState<number | null>(due);
  const valid = amount !== null && amount > 0 && amount <= due;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid && !busy) onPay(amount);
  };

  return (
    <form className="payment-panel" onSubmit={submit}>
      <div className="field inline">
        <span>{t("payment.amount")}</span>
        <MoneyInput value={amount} onChange={setAmount} label={t("payment.amount")} testId="card-amount" />
      </div>
      <p className="muted small">{t("payment.amountHelp")}</p>
      <p className="muted">{t("payment.cardHelp")}</p>
      <button type="submit" className="primary wide" disabled={!valid || busy} data-testid="confirm-card">
        {t("payment.confirmCard")} <kbd>Enter</kbd>
      </button>
    </form>
  );
}
