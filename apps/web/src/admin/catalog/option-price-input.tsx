import { useState } from "react";
import { MoneyInput } from "../../shared/money/money-input.js";
import { useText } from "../i18n/admin-text.js";

interface OptionPriceInputProps {
  /** Đồng added to the item's price; negative for less (a small size); null until typed. */
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  /** What it prices, read out with it: "Giá cộng thêm: S". */
  readonly label: string;
  readonly testId: string;
}

/**
 * An option's price: the amount typed as the item's price is, and a + / − button before it,
 * since a numeric keypad has no minus sign and a small size costs less.
 */
export function OptionPriceInput({ value, onChange, label, testId }: OptionPriceInputProps) {
  const t = useText();
  // The sign is held apart from the amount: it is chosen before the amount is typed, or with 0.
  const [negative, setNegative] = useState(value !== null && value < 0);
  const withSign = (amount: number | null, taken: boolean) =>
    amount === null || amount === 0 ? amount : taken ? -amount : amount;
  return (
    <span className="a-option-price">
      <button
        type="button"
        className="icon-button"
        aria-label={`${negative ? t("optionGroups.lower") : t("optionGroups.raise")}: ${label}`}
        aria-pressed={negative}
        onClick={() => {
          setNegative(!negative);
          onChange(withSign(value === null ? null : Math.abs(value), !negative));
        }}
        data-testid={`${testId}-sign`}
      >
        {negative ? "−" : "+"}
      </button>
      <MoneyInput
        value={value === null ? null : Math.abs(value)}
        onChange={(amount) => onChange(withSign(amount, negative))}
        label={label}
        testId={testId}
      />
    </span>
  );
}
