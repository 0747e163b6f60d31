import { Dialog } from "../../shared/components/dialog.js";
import { useText } from "../i18n/admin-text.js";

interface ConfirmDialogProps {
  readonly title: string;
  readonly message?: string;
  readonly confirmLabel: string;
  readonly busy?: boolean;
  readonly problem?: string | null;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** Asks before something that cannot be undone from here (a delete, a revoke). */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  busy,
  problem,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const t = useText();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="confirm-dialog"
      actions={
        <>
          <button type="button" className="secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="button" className="danger" onClick={onConfirm} disabled={busy} data-testid="confirm">
            {confirmLabel}
          </button>
        </>
      }
    >
      {message ? <p>{message}</p> : null}
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
    </Dialog>
  );
}
