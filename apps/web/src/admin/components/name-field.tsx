import { TextField } from "../../shared/components/text-field.js";
import { useText } from "../i18n/admin-text.js";

interface NameFieldProps {
  /** "Tên" unless the entry's kind has its own word ("Tên máy in", "Họ tên"). */
  readonly label?: string;
  readonly value: string;
  readonly onValue: (name: string) => void;
  /** The server's limit for this kind of entry's name. */
  readonly maxLength: number;
  readonly testId: string;
  readonly placeholder?: string;
}

/**
 * The name an entry is listed by (an item, a printer, a staff member): one line, required
 * (the dialog's `ready` waits for it) and saved trimmed.
 */
export function NameField({ label, value, onValue, maxLength, testId, placeholder }: NameFieldProps) {
  const t = useText();
  return (
    <TextField
      label={label ?? t("catalog.name")}
      value={value}
      maxLength={maxLength}
      onValue={onValue}
      testId={testId}
      placeholder={placeholder}
    />
  );
}
