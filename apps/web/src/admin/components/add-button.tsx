interface AddButtonProps {
  /** What it adds: "Thêm món", "Thêm khu vực". */
  readonly label: string;
  readonly onClick: () => void;
  /** `primary` for the page's main addition, `secondary` for one of several on a page. */
  readonly tone: "primary" | "secondary";
  readonly disabled?: boolean;
  readonly testId?: string;
}

/** The "+ Thêm …" button in a page's or a panel's head, which opens the dialog of a new entry. */
export function AddButton({ label, onClick, tone, disabled = false, testId }: AddButtonProps) {
  return (
    <button type="button" className={tone} onClick={onClick} disabled={disabled} data-testid={testId}>
      + {label}
    </button>
  );
}
