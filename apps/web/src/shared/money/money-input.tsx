import type { Ref } from "react";
import { formatThousands, parseDong } from "./format-money.js";
import "./money-input.css";

interface MoneyInputProps {
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  readonly label: string;
  readonly inputRef?: Ref<HTMLInputElement>;
  readonly testId?: string;
  /** Takes the focus when its dialog opens. */
  readonly autoFocus?: boolean;
}

/** An amount in đồng typed on a numeric keypad, shown with thousands separators as it is typed. */
export function MoneyInput({ value, onChange, label, inputRef, testId, autoFocus = false }: MoneyInputProps) {
  return (
    <span className="money-input">
      <input
        ref={inputRef}
        inputMode="numeric"
        autoComplete="off"
        aria-label={label}
        value={value === null ? "" : formatThousands(value)}
        onChange={(event) =>
          onChange(event.target.value.trim() === "" ? null : parseDong(event.target.value))
        }
        onFocus={(event) => event.target.select()}
        data-testid={testId}
        data-autofocus={autoFocus ? "" : undefined}
      />
      <span className="currency" aria-hidden="true">
        ₫
      </span>
    </span>
  );
}
