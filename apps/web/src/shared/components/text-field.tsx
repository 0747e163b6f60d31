import type { InputHTMLAttributes } from "react";
import { Field } from "./field.js";

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> {
  readonly label: string;
  readonly value: string;
  /** The text as typed, on every keystroke. */
  readonly onValue: (value: string) => void;
  readonly testId?: string;
}

/** A labelled text input of a form (a name, a password, a date); other attributes go to the input. */
export function TextField({ label, value, onValue, testId, ...input }: TextFieldProps) {
  return (
    <Field label={label}>
      <input
        data-testid={testId}
        {...input}
        value={value}
        onChange={(event) => onValue(event.target.value)}
      />
    </Field>
  );
}
