import { type DiscountLimits, lineTitle, type Role } from "@quay/core";
import { useState } from "react";
import { Dialog } from "../../shared/components/dialog.js";
import { DiscountFields } from "../../shared/discount/discount-fields.js";
import { type DiscountAsked, useDiscountForm } from "../../shared/discount/use-discount-form.js";
import { Money } from "../../shared/money/money.js";
import type { Order, OrderLine } from "../api/waiter-types.js";
import { SendDialog } from "../components/send-dialog.js";
import { useText } from "../i18n/waiter-text.js";

interface DiscountDialogProps {
  readonly order: Order;
  readonly role: Role;
  /** The store's limits (its settings, in the catalog): above the waiter's, a manager's PIN. */
  readonly limits: DiscountLimits;
  /** Sends the discount; a refusal (a wrong PIN) shows and the dialog stays. */
  readonly onApply: (asked: DiscountAsked) => Promise<void>;
  readonly onClose: () => void;
}

/**
 * "Giảm giá" from the phone: first what it is for (the bill, or one of the table's lines), then
 * the same fields as at the counter; the server checks the limit and the PIN again.
 */
export function DiscountDialog({ order, role, limits, onApply, onClose }: DiscountDialogProps) {
  const t = useText();
  const [target, setTarget] = useState<{ readonly line: OrderLine | undefined } | null>(null);
  if (target === null) {
    return (
      <Dialog title={t("discount.title")} onClose={onClose} testId="discount-dialog">
        <p className="muted small">{t("discount.target")}</p>
        <div className="w-discount-targets">
          <button type="button" className="secondary" onClick={() => setTarget({ line: undefined })}>
            <span>{t("discount.bill")}</span>
            <Money amount={order.subtotal} />
          </button>
          {order.lines.map((line) => (
            <button
              type="button"
              key={line.id}
              className="secondary"
              onClick={() => setTarget({ line })}
              data-testid="discount-line"
            >
              <span>
                {line.quantity} × {lineTitle(line)}
              </span>
              <Money amount={line.amount} />
            </button>
          ))}
        </div>
      </Dialog>
    );
  }
  return (
    <DiscountFormDialog
      order={order}
      line={target.line}
      role={role}
      limits={limits}
      onApply={onApply}
      onClose={onClose}
    />
  );
}

function DiscountFormDialog({
  order,
  line,
  role,
  limits,
  onApply,
  onClose,
}: DiscountDialogProps & { readonly line: OrderLine | undefined }) {
  const t = useText();
  const form = useDiscountForm(order, line, role, limits);
  return (
    <SendDialog
      title={line ? `${t("discount.title")}: ${lineTitle(line)}` : t("discount.title")}
      testId="discount-dialog"
      confirmLabel={t("discount.confirm")}
      confirmTestId="discount-confirm"
      ready={form.ready}
      onClose={onClose}
      onSend={() => onApply(form.asked())}
      other={
        form.current
          ? { label: t("discount.remove"), testId: "discount-remove", onSend: () => onApply(form.removal()) }
          : undefined
      }
    >
      <DiscountFields form={form} chooseTarget={false} />
    </SendDialog>
  );
}
