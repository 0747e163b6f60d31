import type { BankTransfer } from "@quay/protocol";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { FormError } from "../../shared/components/form-error.js";
import { Money } from "../../shared/money/money.js";
import type { Order, PaymentMethod, Store } from "../api/station-types.js";
import { useSending } from "../components/use-sending.js";
import { CardPanel } from "./card-panel.js";
import { CashTender } from "./cash-tender.js";
import { TransferPanel } from "./transfer-panel.js";
import { useBankConfirmation } from "./use-bank-confirmation.js";
import "./payment.css";

interface PaymentDialogProps {
  readonly order: Order;
  /** "Bàn 3" or "Mang về #0007". */
  readonly target: string;
  readonly bank: Store["bank"];
  /** `confirmation`: the store's bank confirmed this transfer (recorded without the cashier's click). */
  readonly onPay: (method: PaymentMethod, amount: number, confirmation?: BankTransfer) => Promise<Order>;
  readonly onClose: () => void;
}

const METHODS = ["cash", "transfer", "card"] as const;

/** Takes payment: cash, bank transfer (VietQR), card, or several of them for one bill. */
export function PaymentDialog({ order, target, bank, onPay, onClose }: PaymentDialogProps) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<PaymentMethod>("cash");
  const { busy, error, send } = useSending();
  const due = Math.max(0, order.total - order.paid);
  const panel = useRef<HTMLDivElement>(null);
  // Listened to while the transfer panel shows: the bank's word for this order.
  const confirmation = useBankConfirmation(method === "transfer" ? order.id : null);

  // A new method's panel replaces the one that held the focus: give it to the new panel's amount
  // (or, on the transfer panel, which is no form, its confirm button), so Enter still confirms.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the method (so the panel) changes
  useEffect(() => {
    panel.current?.querySelector<HTMLElement>("form input, .primary")?.focus();
  }, [method]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey) return;
      const chosen = METHODS[Number(event.key) - 1];
      if (chosen !== undefined) {
        event.preventDefault();
        setMethod(chosen);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const pay = (amount: number, confirmed?: BankTransfer) => send(() => onPay(method, amount, confirmed));

  return (
    <Dialog
      title={t("payment.title", { target })}
      onClose={onClose}
      className="payment-dialog"
      testId="payment-dialog"
    >
      <div className="payment-due">
        <span>{t("payment.due")}</span>
        <Money amount={due} className="due-amount" />
      </div>
      {order.payments.length > 0 ? (
        <ul className="payments-so-far" aria-label={t("payment.paidSoFar")}>
          {order.payments.map((payment) => (
            <li key={payment.id}>
              <span>{t(`payment.methods.${payment.method}`)}</span>
              <Money amount={payment.amount} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="tabs method-tabs" role="tablist" aria-label={t("payment.due")}>
        {METHODS.map((option, index) => (
          <button
            type="button"
            role="tab"
            key={option}
            aria-selected={method === option}
            aria-keyshortcuts={`Alt+${index + 1}`}
            className={method === option ? "tab selected" : "tab"}
            onClick={() => setMethod(option)}
            data-testid={`method-${option}`}
          >
            {t(`payment.methods.${option}`)}
          </button>
        ))}
      </div>
      {/* A new panel per method and per amount due, so each starts from what is still owed. */}
      <div ref={panel}>
        {method === "cash" ? <CashTender key={`cash-${due}`} due={due} busy={busy} onPay={pay} /> : null}
        {method === "transfer" ? (
          <TransferPanel
            key={`transfer-${due}`}
            due={due}
            bank={bank}
            purpose={order.number}
            busy={busy}
            onPay={pay}
            confirmation={confirmation}
          />
        ) : null}
        {method === "card" ? <CardPanel key={`card-${due}`} due={due} busy={busy} onPay={pay} /> : null}
      </div>
      <FormError problem={error} />
    </Dialog>
  );
}
