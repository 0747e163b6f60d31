import { type DiscountLimits, lineTitle, type Role } from "@quay/core";
import { useState } from "react";
import { Dialog } from "../../shared/components/dialog.js";
import { DialogButtons } from "../../shared/components/dialog-buttons.js";
import { FormError } from "../../shared/components/form-error.js";
import { DiscountFields } from "../../shared/discount/discount-fields.js";
import { type DiscountAsked, useDiscountForm } from "../../shared/discount/use-discount-form.js";
import { Money } from "../../shared/money/money.js";
import { errorText } from "../api/error-text.js";
import type { Order, OrderLine } from "../api/waiter-types.js";
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
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (asked: DiscountAsked) => {
    setBusy(true);
    setProblem(null);
    try {
      await onApply(asked);
    } catch (error) {
      setProblem(errorText(error, t));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={line ? `${t("discount.title")}: ${lineTitle(line)}` : t("discount.title")}
      onClose={onClose}
      testId="discount-dialog"
      actions={
        <DialogButtons
          cancelLabel={t("common.cancel")}
          onCancel={onClose}
          confirmLabel={t("discount.confirm")}
          onConfirm={() => void send(form.asked())}
          confirmDisabled={busy || !form.ready}
          confirmTestId="discount-confirm"
        />
      }
    >
      <DiscountFields form={form} chooseTarget={false} />
      {form.current ? (
        <button
          type="button"
          className="secondary danger-text"
          disabled={busy}
          onClick={() => void send(form.removal())}
          data-testid="discount-remove"
        >
          {t("discount.remove")}
        </button>
      ) : null}
      <FormError problem={problem} />
    </Dialog>
  );
}
