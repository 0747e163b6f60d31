import { useTranslation } from "react-i18next";
import { Field } from "../../shared/components/field.js";

interface ManagerPinFieldProps {
  readonly pin: string;
  readonly onChange: (pin: string) => void;
  /** A line under the field saying why a manager is asked. */
  readonly help?: string;
}

/** Where a manager types their PIN to approve what the signed-in user may not do alone. */
export function ManagerPinField({ pin, onChange, help }: ManagerPinFieldProps) {
  const { t } = useTranslation();
  return (
    <Field label={t("voidLine.pin")}>
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
