import { Field } from "../../shared/components/field.js";
import { MoneyInput } from "../../shared/money/money-input.js";

interface AmountFieldProps {
  /** Shown with the input and read out as its name ("Tiền đầu ca"). */
  readonly label: string;
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  readonly testId: string;
  /** The label on the input's left rather than above it. */
  readonly inline?: boolean;
}

/**
 * The amount in đồng a cashier's dialog or panel asks for (the cash handed over, in the drawer,
 * taken out), with its label; it takes the focus as it opens, the keypad ready.
 */
export function AmountField({ label, value, onChange, testId, inline = false }: AmountFieldProps) {
  return (
    <Field label={label} inline={inline}>
      <MoneyInput value={value} onChange={onChange} label={label} testId={testId} autoFocus />
    </Field>
  );
}
