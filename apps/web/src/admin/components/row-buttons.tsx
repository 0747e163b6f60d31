import { useText } from "../i18n/admin-text.js";

const KINDS = {
  edit: { className: "icon-button", verb: "common.edit", icon: "✎" },
  delete: { className: "icon-button danger", verb: "common.delete", icon: "✕" },
} as const;

interface RowButtonProps {
  /** ✎ changes the entry, ✕ deletes it (after a confirmation). */
  readonly kind: keyof typeof KINDS;
  /** What the button acts on, read out with it: "Sửa Cà phê sữa đá". */
  readonly name: string;
  readonly onClick: () => void;
  readonly testId?: string | undefined;
}

/** The ✎ or ✕ of a row in a list or table, named for screen readers by what it acts on. */
export function RowButton({ kind, name, onClick, testId }: RowButtonProps) {
  const t = useText();
  const { className, verb, icon } = KINDS[kind];
  return (
    <button
      type="button"
      className={className}
      aria-label={`${t(verb)} ${name}`}
      onClick={onClick}
      data-testid={testId}
    >
      {icon}
    </button>
  );
}

interface EditDeleteButtonsProps {
  /** What the buttons act on, read out with them. */
  readonly name: string;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
  /** Names the buttons for tests: `${testId}-edit`, `${testId}-delete`. */
  readonly testId?: string;
}

/** The ✎ and ✕ of an entry that can be changed and deleted, side by side. */
export function EditDeleteButtons({ name, onEdit, onDelete, testId }: EditDeleteButtonsProps) {
  return (
    <>
      <RowButton kind="edit" name={name} onClick={onEdit} testId={testId && `${testId}-edit`} />
      <RowButton kind="delete" name={name} onClick={onDelete} testId={testId && `${testId}-delete`} />
    </>
  );
}
