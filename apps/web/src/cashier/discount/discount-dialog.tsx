import type { DiscountLimits, Role } from "@quay/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../shared/components/form-error.js";
import { DiscountFields } from "../../shared/discount/discount-fields.js";
import { type DiscountAsked, useDiscountForm } from "../../shared/discount/use-discount-form.js";
import { errorText } from "../api/error-text.js";
import type { Order, OrderLine } from "../api/station-types.js";
import { FormDialog } from "../components/form-dialog.js";

interface DiscountDialogProps {
  readonly order: Order;
  /** The line selected on the order, offered as the discount's target beside the bill. */
  readonly line: OrderLine | undefined;
  readonly role: Role;
  readonly limits: DiscountLimits;
  readonly onApply: (asked: DiscountAsked) => Promise<void>;
  readonly onClose: () => void;
}

/**
 * A discount on the bill or on the selected line (the shared fields); above the signed-in role's
 * limit (the store's setting) a manager's PIN, as the station will check. "Bỏ giảm giá" takes an
 * existing discount off.
 */
export function DiscountDialog({ order, line, role, limits, onApply, onClose }: DiscountDialogProps) {
  const { t } = useTranslation();
  const form = useDiscountForm(order, line, role, limits);
  const [removeProblem, setRemoveProblem] = useState<string | null>(null);

  return (
    <FormDialog
      title={t("discount.title")}
      testId="discount-dialog"
      onClose={onClose}
      ready={form.ready}
      submitLabel={t("discount.confirm")}
      onSubmit={() => onApply(form.asked())}
    >
      <DiscountFields form={form} />
      {form.current ? (
        <>
          <button
            type="button"
            className="secondary danger-text"
            data-testid="discount-remove"
            onClick={() => {
              setRemoveProblem(null);
              onApply(form.removal()).catch((error) => setRemoveProblem(errorText(error, t)));
            }}
          >
            {t("discount.remove")}
          </button>
          <FormError problem={removeProblem} />
        </>
      ) : null}
    </FormDialog>
  );
}
