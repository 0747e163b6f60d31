import { lineRefundShare, refundableOf } from "@quay/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../../shared/components/field.js";
import { SegmentedChoice } from "../../shared/components/segmented-choice.js";
import { formatVnd } from "../../shared/money/format-money.js";
import { Money } from "../../shared/money/money.js";
import type { Order, PaymentMethod } from "../api/station-types.js";
import { VoidDialog } from "../order/void-dialog.js";
import type { BillsApi } from "./bills-api.js";
import { billsVi } from "./bills-messages.js";
import { asCoreOrder } from "./core-order.js";

interface RefundDialogProps {
  readonly order: Order;
  readonly api: BillsApi;
  /** The signed-in user may not refund by role: a manager's PIN is asked for. */
  readonly needsPin: boolean;
  readonly onRefunded: (order: Order) => void;
  readonly onClose: () => void;
}

const METHODS: readonly PaymentMethod[] = ["cash", "transfer", "card"];
const REASONS = Object.keys(billsVi.refundReasons) as (keyof typeof billsVi.refundReasons)[];

/** The most a refund may give back: what is left, and for chosen lines no more than their share. */
export function refundCap(order: Order, lineIds: readonly string[]): number {
  const left = refundableOf(asCoreOrder(order));
  return lineIds.length === 0 ? left : Math.min(left, lineRefundShare(asCoreOrder(order), lineIds));
}

/**
 * Gives money back on a paid bill, whole or for chosen lines, with a reason and a method; the
 * amount proposed is what the choice is worth and may be lowered, never raised above it.
 */
export function RefundDialog({ order, api, needsPin, onRefunded, onClose }: RefundDialogProps) {
  const { t } = useTranslation();
  const [lineIds, setLineIds] = useState<readonly string[]>([]);
  const [typed, setTyped] = useState<string | null>(null);
  const [method, setMethod] = useState<PaymentMethod>(order.payments[0]?.method ?? "cash");
  const [refundId] = useState(() => crypto.randomUUID());
  const cap = refundCap(order, lineIds);
  const amount = typed === null ? cap : Number(typed.replace(/\D/g, ""));
  const toggle = (lineId: string) => {
    setTyped(null);
    setLineIds((current) =>
      current.includes(lineId) ? current.filter((id) => id !== lineId) : [...current, lineId],
    );
  };
  return (
    <VoidDialog
      title={t("bills.refundTitle", { number: order.number ?? "" })}
      subject={t("bills.refundSubject", { amount: formatVnd(refundableOf(asCoreOrder(order))) })}
      needsPin={needsPin}
      reasons={REASONS.map((key) => t(`bills.refundReasons.${key}`))}
      answered={amount > 0 && amount <= cap}
      confirmLabel={t("bills.confirmRefund")}
      pinHelp={t("bills.pinHelp")}
      testId="refund-dialog"
      onClose={onClose}
      onConfirm={async (reason, managerPin) => {
        const refunded = await api.refund(order.id, {
          amount,
          method,
          reason,
          refundId,
          ...(lineIds.length > 0 ? { lineIds } : {}),
          ...(managerPin === null ? {} : { managerPin }),
        });
        onRefunded(refunded);
      }}
    >
      <fieldset className="refund-lines">
        <legend>{t("bills.chooseLines")}</legend>
        {order.lines.map((line) => (
          <label key={line.id} className="refund-line">
            <input type="checkbox" checked={lineIds.includes(line.id)} onChange={() => toggle(line.id)} />
            <span>
              {line.quantity} × {line.name}
            </span>
            <Money amount={line.amount} />
          </label>
        ))}
      </fieldset>
      <Field label={t("bills.amount")}>
        <input
          inputMode="numeric"
          value={typed ?? String(cap)}
          onChange={(event) => setTyped(event.target.value)}
          data-testid="refund-amount"
        />
        <small className="muted">≤ {formatVnd(cap)}</small>
      </Field>
      <SegmentedChoice
        label={t("bills.refundMethod")}
        options={METHODS}
        value={method}
        onChange={setMethod}
        optionLabel={(option) => t(`shift.methods.${option}`)}
      />
    </VoidDialog>
  );
}
