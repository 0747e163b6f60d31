import { MAX_PARTS, MIN_PARTS, paidParts, partDue } from "@quay/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { FormError } from "../../shared/components/form-error.js";
import { Money } from "../../shared/money/money.js";
import type { Order, PaymentMethod } from "../api/station-types.js";
import { asCoreOrder } from "../bills/core-order.js";
import { useSending } from "../components/use-sending.js";
import "./split.css";

interface EqualPartsDialogProps {
  readonly order: Order;
  readonly target: string;
  readonly onPayPart: (index: number, count: number, method: PaymentMethod) => Promise<Order>;
  /** Prints part `index` of `count`'s slip ("Phần 1/3"). */
  readonly onPrintPart: (index: number, count: number, amount: number) => void;
  readonly onClose: () => void;
}

const METHODS: readonly { method: PaymentMethod; key: "payCash" | "payTransfer" | "payCard" }[] = [
  { method: "cash", key: "payCash" },
  { method: "transfer", key: "payTransfer" },
  { method: "card", key: "payCard" },
];

/**
 * "Chia đều": the bill in 2 to 10 equal parts, each paid on its own (its share, the last part
 * what is left: core's `partDue`); the parts paid show as paid, from the order itself, so every
 * counter sees the same; the last part paid closes the bill.
 */
export function EqualPartsDialog({ order, target, onPayPart, onPrintPart, onClose }: EqualPartsDialogProps) {
  const { t } = useTranslation();
  const core = asCoreOrder(order);
  const paid = paidParts(core);
  const [chosenCount, setCount] = useState(2);
  const count = paid.count ?? chosenCount;
  const { busy, error, send } = useSending();
  const indexes = Array.from({ length: count }, (_, i) => i + 1);
  const amountOf = (index: number) =>
    order.payments.find((payment) => payment.part?.index === index)?.amount ?? partDue(core, count, index);

  const pay = (index: number, method: PaymentMethod) => send(() => onPayPart(index, count, method));

  return (
    <Dialog
      title={t("split.equalTitle", { target })}
      onClose={onClose}
      testId="equal-parts-dialog"
      className="wide"
      actions={
        <button type="button" className="primary" onClick={onClose} data-testid="equal-parts-done">
          {t("common.close")}
        </button>
      }
    >
      <div className="parts-count">
        <span>{t("split.parts")}</span>
        <button
          type="button"
          className="secondary"
          aria-label={t("split.fewer")}
          disabled={paid.count !== null || count <= MIN_PARTS}
          onClick={() => setCount(count - 1)}
        >
          −
        </button>
        <strong data-testid="parts-count">{count}</strong>
        <button
          type="button"
          className="secondary"
          aria-label={t("split.morePart")}
          disabled={paid.count !== null || count >= MAX_PARTS}
          onClick={() => setCount(count + 1)}
        >
          +
        </button>
        {paid.count === null ? null : <span className="muted small">{t("split.partsLocked")}</span>}
      </div>
      <ul className="parts">
        {indexes.map((index) => {
          const isPaid = paid.paid.has(index);
          const amount = amountOf(index);
          return (
            <li key={index} className={isPaid ? "part paid" : "part"} data-testid="part" data-paid={isPaid}>
              <strong>{t("split.part", { index, count })}</strong>
              <Money amount={amount} />
              {isPaid ? (
                <span className="badge paid">{t("split.partPaid")}</span>
              ) : (
                <span className="part-methods">
                  {METHODS.map(({ method, key }) => (
                    <button
                      key={method}
                      type="button"
                      className="secondary"
                      disabled={busy || order.status !== "open"}
                      onClick={() => void pay(index, method)}
                      data-testid={`pay-part-${method}`}
                    >
                      {t(`split.${key}`)}
                    </button>
                  ))}
                </span>
              )}
              <button
                type="button"
                className="secondary"
                onClick={() => onPrintPart(index, count, amount)}
                data-testid="print-part"
              >
                {t("split.printPart")}
              </button>
            </li>
          );
        })}
      </ul>
      {order.status === "paid" ? <p role="status">{t("split.allPaid")}</p> : null}
      <FormError problem={error} />
    </Dialog>
  );
}
