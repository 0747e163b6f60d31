import { useEffect, useState } from "react";
import { dayText, parseDayText } from "../time/day-text.js";
import { Field } from "./field.js";

interface DayFieldProps {
  readonly label: string;
  /** The day as `yyyy-mm-dd`, or "" while what is typed is no day. */
  readonly value: string;
  readonly onValue: (isoDay: string) => void;
  readonly testId?: string;
}

/** A day typed as `dd/mm/yyyy` in every locale; the value goes out as `yyyy-mm-dd` once it is a day. */
export function DayField({ label, value, onValue, testId }: DayFieldProps) {
  const [text, setText] = useState(() => dayText(value));
  // A day set from outside (a preset chip) replaces what was typed; "" is what typing no day sent.
  useEffect(() => {
    if (value !== "") setText((typed) => (parseDayText(typed) === value ? typed : dayText(value)));
  }, [value]);
  return (
    <Field label={label}>
      <input
        data-testid={testId}
        inputMode="numeric"
        placeholder="dd/mm/yyyy"
        maxLength={10}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onValue(parseDayText(event.target.value) ?? "");
        }}
      />
    </Field>
  );
}
