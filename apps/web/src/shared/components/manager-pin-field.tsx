import { Field } from "./field.js";

interface ManagerPinFieldProps {
  /** "Mã PIN quản lý". */
  readonly label: string;
  readonly pin: string;
  readonly onChange: (pin: string) => void;
  /** A line under the field saying why a manager is asked. */
  readonly help?: string;
}

/** Where a manager types their PIN to approve what the signed-in user may not do alone. */
export function ManagerPinField({ label, pin, onChange, help }: ManagerPinFieldProps) {
  return (
    <Field label={label}>
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        pattern="\d{4,8}"
        maxLength={8}
        value={pin}
        onChange={(event) => onChange(event.target.value.replace(/\D/g, ""))}
        data-testid="manager-pin"
      />
      {help === undefined ? null : <small className="muted">{help}</small>}
    </Field>
  );
}
