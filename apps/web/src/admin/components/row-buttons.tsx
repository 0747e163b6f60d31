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
  readonly testId?: string;
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
