import { Dialog } from "../../shared/components/dialog.js";
import { DialogButtons } from "../../shared/components/dialog-buttons.js";
import { FormError } from "../../shared/components/form-error.js";
import { useText } from "../i18n/admin-text.js";
import type { Action } from "./use-action.js";

interface ConfirmDialogProps {
  readonly title: string;
  readonly message?: string;
  readonly confirmLabel: string;
  /** The page's action: busy while the change runs; its refusal is shown here. */
  readonly action: Action;
  /** The change asked about (a delete, a revoke). */
  readonly change: () => Promise<unknown>;
  /** Called once the change is made. */
  readonly onDone: () => void;
  readonly onClose: () => void;
}

/** Asks before something that cannot be undone from here (a delete, a revoke), then does it. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  action,
  change,
  onDone,
  onClose,
}: ConfirmDialogProps) {
  const t = useText();
  const close = () => {
    action.clear();
    onClose();
  };
  const confirm = () =>
    void action.run(change).then((done) => {
      if (done) onDone();
    });
  return (
    <Dialog
      title={title}
      onClose={close}
      testId="confirm-dialog"
      actions={
        <DialogButtons
          cancelLabel={t("common.cancel")}
          onCancel={close}
          confirmLabel={confirmLabel}
          onConfirm={confirm}
          confirmDisabled={action.busy}
          tone="danger"
          confirmTestId="confirm"
        />
      }
    >
      {message ? <p>{message}</p> : null}
      <FormError problem={action.problem} />
    </Dialog>
  );
}
