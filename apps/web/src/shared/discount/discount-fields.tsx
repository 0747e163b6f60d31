import { DISCOUNT_REASONS } from "@quay/core";
import { Field } from "../components/field.js";
import { ManagerPinField } from "../components/manager-pin-field.js";
import { SegmentedChoice } from "../components/segmented-choice.js";
import { Money } from "../money/money.js";
import { MoneyInput } from "../money/money-input.js";
import { useDiscountText } from "./discount-text.js";
import type { DiscountForm } from "./use-discount-form.js";
import "./discount.css";

interface DiscountFieldsProps {
  readonly form: DiscountForm;
  /** Offers the bill beside the form's line (false: the line was chosen before). */
  readonly chooseTarget?: boolean;
}

const QUICK_PERCENTS = [5, 10, 15, 20, 50, 100] as const;

/**
 * A discount's fields: on the bill or the line, in percent (quick chips) or in đồng, what it
 * takes off, the reason from the short list, and a manager's PIN when above the role's limit.
 */
export function DiscountFields({ form, chooseTarget = true }: DiscountFieldsProps) {
  const t = useDiscountText();
  const { line } = form;
  return (
    <>
      {line && chooseTarget ? (
        <SegmentedChoice
          label={t("discount.target")}
          options={["line", "bill"] as const}
          value={form.target}
          onChange={form.setTarget}
          optionLabel={(option) =>
            option === "bill" ? t("discount.bill") : `${line.quantity} × ${line.name}`
          }
        />
      ) : null}
      <SegmentedChoice
        label={t("discount.kind")}
        options={["percent", "amount"] as const}
        value={form.kind}
        onChange={form.setKind}
        optionLabel={(option) => t(`discount.${option}`)}
      />
      {form.kind === "percent" ? (
        <fieldset className="chips" aria-label={t("discount.percentValue")}>
          <legend>{t("discount.percentValue")}</legend>
          {QUICK_PERCENTS.map((value) => (
            <button
              type="button"
              key={value}
              className={form.percent === value ? "chip selected" : "chip"}
              aria-pressed={form.percent === value}
              onClick={() => form.setPercent(value)}
              data-testid={`discount-percent-${value}`}
            >
              {value}%
            </button>
          ))}
        </fieldset>
      ) : (
        <Field label={t("discount.amountValue")}>
          <MoneyInput
            value={form.amount}
            onChange={form.setAmount}
            label={t("discount.amountValue")}
            testId="discount-amount"
            autoFocus
          />
        </Field>
      )}
      <p className="discount-preview" data-testid="discount-preview">
        {t("discount.takesOff")} <Money amount={form.off} /> {t("discount.of")} <Money amount={form.base} />
      </p>
      <fieldset className="chips" aria-label={t("discount.reason")}>
        <legend>{t("discount.reason")}</legend>
        {DISCOUNT_REASONS.map((key) => (
          <button
            type="button"
            key={key}
            className={form.reason === key ? "chip selected" : "chip"}
            aria-pressed={form.reason === key}
            onClick={() => form.setReason(key)}
          >
            {t(`discount.reasons.${key}`)}
          </button>
        ))}
      </fieldset>
      {form.needsPin ? (
        <ManagerPinField
          label={t("discount.pin")}
          pin={form.pin}
          onChange={form.setPin}
          help={t("discount.overLimit", { limit: form.limit })}
        />
      ) : null}
    </>
  );
}
