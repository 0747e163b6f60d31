import { useText } from "../i18n/admin-text.js";

interface RowButtonProps {
  /** What the button acts on, read out with it: "Sửa Cà phê sữa đá". */
  readonly name: string;
  readonly onClick: () => void;
  readonly testId?: string;
}

/** The ✎ of a row in a list or table: change this entry. */
export function EditButton({ name, onClick, testId }: RowButtonProps) {
  const t = useText();
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={`${t("common.edit")} ${name}`}
      onClick={onClick}
      data-testid={testId}
    >
      ✎
    </button>
  );
}

/** The ✕ of a row in a list or table: delete this entry (after a confirmation). */
export function DeleteButton({ name, onClick, testId }: RowButtonProps) {
  const t = useText();
  return (
    <button
      type="button"
      className="icon-button danger"
      aria-label={`${t("common.delete")} ${name}`}
      onClick={onClick}
      data-testid={testId}
    >
      ✕
    </button>
  );
}
