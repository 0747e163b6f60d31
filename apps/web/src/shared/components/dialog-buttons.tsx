interface DialogButtonsProps {
  /** The way out: "Hủy", "Để sau", "Đóng". */
  readonly cancelLabel: string;
  readonly onCancel: () => void;
  /** The dialog's main action: "Lưu", "Có", "Thử lại". */
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly confirmDisabled?: boolean;
  /** `danger` for what cannot be undone (a delete). */
  readonly tone?: "primary" | "danger";
  readonly confirmTestId?: string;
}

/** A dialog's two answers (its `actions`): the way out, then the main action. */
export function DialogButtons({
  cancelLabel,
  onCancel,
  confirmLabel,
  onConfirm,
  confirmDisabled = false,
  tone = "primary",
  confirmTestId,
}: DialogButtonsProps) {
  return (
    <>
      <button type="button" className="secondary" onClick={onCancel}>
        {cancelLabel}
      </button>
      <button
        type="button"
        className={tone}
        onClick={onConfirm}
        disabled={confirmDisabled}
        data-testid={confirmTestId}
      >
        {confirmLabel}
      </button>
    </>
  );
}

interface DismissButtonProps {
  /** "Đóng" after something to read, "Hủy" when nothing was chosen. */
  readonly label: string;
  /** The dialog's `onClose`: the button does what Esc does. */
  readonly onClose: () => void;
  /** `primary` when closing is all there is to do (a help page), `secondary` beside choices in the body. */
  readonly tone: "primary" | "secondary";
}

/** The one answer of a dialog that asks nothing (its `actions`): the way out. */
export function DismissButton({ label, onClose, tone }: DismissButtonProps) {
  return (
    <button type="button" className={tone} onClick={onClose}>
      {label}
    </button>
  );
}
