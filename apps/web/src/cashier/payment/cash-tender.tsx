import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatThousands } from "../../shared/money/format-money.js";
import { Money } from "../../shared/money/money.js";
import { AmountField } from "../components/amount-field.js";
import { changeFor, QUICK_NOTES } from "./quick-amounts.js";

interface CashTenderProps {
  readonly due: number;
  readonly busy: boolean;
  readonly onPay: (amount: number) => void;
}

/** Cash: what the customer handed over (quick amounts or typed), and the change to give back. */
export function CashTender({ due, busy, onPay }: CashTenderProps) {
  const { t } = useTranslation();
  const [tendered, setTendered] = useState<number | null>(due);
  const amount = tendered ?? 0;
  const change = changeFor(amount, due);
  const short = Math.max(0, due - amount);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (amount > 0 && !busy) onPay(amount);
  };

  return (
    <form className="payment-panel" onSubmit={submit}>
      <div className="quick-amounts">
        <button
          type="button"
          className={amount === due ? "quick selected" : "quick"}
          onClick={() => setTendered(due)}
          data-testid="quick-exact"
        >
          {t("payment.exact")}
        </button>
        {QUICK_NOTES.map((note) => (
          <button
            type="button"
            key={note}
            className={amount === note ? "quick selected" : "quick"}
            onClick={() => setTendered(note)}
            data-testid={`quick-${note}`}
          >
            {formatThousands(note)}
          </button>
        ))}
      </div>
      <AmountField
        label={t("payment.tendered")}
        value={tendered}
        onChange={setTendered}
        testId="cash-tendered"
        inline
      />
      <div className={short > 0 ? "change-due short" : "change-due"} aria-live="polite">
        <span>{short > 0 ? t("payment.short") : t("payment.change")}</span>
        <Money amount={short > 0 ? short : change} className="change-amount" />
      </div>
      <button
        type="submit"
        className="primary wide"
        disabled={amount <= 0 || busy}
        data-testid="confirm-cash"
      >
        {t("payment.collectCash")} <kbd>Enter</kbd>
      </button>
    </form>
  );
}
