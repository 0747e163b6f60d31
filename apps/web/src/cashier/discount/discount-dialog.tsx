import {
  DISCOUNT_REASONS,
  type DiscountLimits,
  type DiscountReason,
  discountOff,
  dong,
  type Role,
  withinDiscountLimit,
} from "@quay/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError } from "../../shared/components/form-error.js";
import { SegmentedChoice } from "../../shared/components/segmented-choice.js";
import { Money } from "../../shared/money/money.js";
import { errorText } from "../api/error-text.js";
import type { Order, OrderLine } from "../api/station-types.js";
import { AmountField } from "../components/amount-field.js";
import { FormDialog } from "../components/form-dialog.js";
import { ManagerPinField } from "../order/manager-pin-field.js";
import "./discount.css";

/** What a discount asks of the station: `percent` of its base, else `amount` in đồng. */
export interface DiscountAsked {
  readonly lineId: string | null;
  readonly amount: number;
  readonly percent: number | undefined;
  readonly reason: string;
  readonly managerPin: string | null;
}

interface DiscountDialogProps {
  readonly order: Order;
  /** The line selected on the order, offered as the discount's target beside the bill. */
  readonly line: OrderLine | undefined;
  readonly role: Role;
  readonly limits: DiscountLimits;
  readonly onApply: (asked: DiscountAsked) => Promise<void>;
  readonly onClose: () => void;
}

const QUICK_PERCENTS = [5, 10, 15, 20, 50, 100] as const;
type Kind = "percent" | "amount";

/**
 * A discount on the bill or on the selected line, in percent (quick chips) or in đồng, with a
 * reason from the short list; above the signed-in role's limit (the store's setting) a manager's
 * PIN, as the station will check. "Bỏ giảm giá" takes an existing discount off.
 */
export function DiscountDialog({ order, line, role, limits, onApply, onClose }: DiscountDialogProps) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<"bill" | "line">(line ? "line" : "bill");
  const [kind, setKind] = useState<Kind>("percent");
  const [percent, setPercent] = useState<number | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState<DiscountReason | null>(null);
  const [pin, setPin] = useState("");
  const [removeProblem, setRemoveProblem] = useState<string | null>(null);

  const onLine = target === "line" && line !== undefined;
  const base = dong(onLine ? line.unitPrice * line.quantity : order.subtotal);
  const terms =
    kind === "percent" ? { amount: dong(0), percent: percent ?? 0 } : { amount: dong(amount ?? 0) };
  const off = kind === "percent" && percent === null ? 0 : discountOff(terms, base);
  const needsPin = !withinDiscountLimit(role, terms, base, limits);
  const limit = role === "cashier" || role === "waiter" ? limits[role] : 100;
  const current = onLine ? (line.discount ?? null) : (order.billDiscount ?? null);
  const valued = kind === "percent" ? percent !== null : amount !== null && amount > 0 && amount <= base;
  const ready = valued && reason !== null && (!needsPin || /^\d{4,8}$/.test(pin));

  const apply = (asked: Omit<DiscountAsked, "lineId" | "managerPin">, managerPin: string | null) =>
    onApply({ ...asked, lineId: onLine ? line.id : null, managerPin });

  return (
    <FormDialog
      title={t("discount.title")}
      testId="discount-dialog"
      onClose={onClose}
      ready={ready}
      submitLabel={t("discount.confirm")}
      onSubmit={() =>
        apply(
          {
            amount: kind === "amount" ? (amount ?? 0) : 0,
            percent: kind === "percent" ? (percent ?? undefined) : undefined,
            reason: reason ?? "other",
          },
          needsPin ? pin : null,
        )
      }
    >
      {line ? (
        <SegmentedChoice
          label={t("discount.target")}
          options={["line", "bill"] as const}
          value={target}
          onChange={setTarget}
          optionLabel={(option) =>
            option === "bill" ? t("discount.bill") : `${line.quantity} × ${line.name}`
          }
        />
      ) : null}
      <SegmentedChoice
        label={t("discount.kind")}
        options={["percent", "amount"] as const}
        value={kind}
        onChange={setKind}
        optionLabel={(option) => t(`discount.${option}`)}
      />
      {kind === "percent" ? (
        <fieldset className="chips" aria-label={t("discount.percentValue")}>
          <legend>{t("discount.percentValue")}</legend>
          {QUICK_PERCENTS.map((value) => (
            <button
              type="button"
              key={value}
              className={percent === value ? "chip selected" : "chip"}
              aria-pressed={percent === value}
              onClick={() => setPercent(value)}
              data-testid={`discount-percent-${value}`}
            >
              {value}%
            </button>
          ))}
        </fieldset>
      ) : (
        <AmountField
          label={t("discount.amountValue")}
          value={amount}
          onChange={setAmount}
          testId="discount-amount"
        />
      )}
      <p className="discount-preview" data-testid="discount-preview">
        {t("discount.takesOff")} <Money amount={off} /> {t("discount.of")} <Money amount={base} />
      </p>
      <fieldset className="chips" aria-label={t("discount.reason")}>
        <legend>{t("discount.reason")}</legend>
        {DISCOUNT_REASONS.map((key) => (
          <button
            type="button"
            key={key}
            className={reason === key ? "chip selected" : "chip"}
            aria-pressed={reason === key}
            onClick={() => setReason(key)}
          >
            {t(`discount.reasons.${key}`)}
          </button>
        ))}
      </fieldset>
      {needsPin ? (
        <ManagerPinField pin={pin} onChange={setPin} help={t("discount.overLimit", { limit })} />
      ) : null}
      {current ? (
        <>
          <button
            type="button"
            className="secondary danger-text"
            data-testid="discount-remove"
            onClick={() => {
              setRemoveProblem(null);
              // Nothing off is within every limit: no PIN.
              apply({ amount: 0, percent: undefined, reason: current.reason ?? "other" }, null).catch(
                (error) => setRemoveProblem(errorText(error, t)),
              );
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
