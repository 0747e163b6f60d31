import type { ReactNode } from "react";
import { Dialog } from "../../shared/components/dialog.js";
import { DialogButtons } from "../../shared/components/dialog-buttons.js";
import { FormError } from "../../shared/components/form-error.js";
import { useText } from "../i18n/admin-text.js";
import { useAction } from "./use-action.js";

interface FormDialogProps {
  readonly title: string;
  /** Names the dialog for tests: `${name}-dialog`, its save button `${name}-save`. */
  readonly name: string;
  /** Whether the fields are complete enough to save. */
  readonly ready: boolean;
  /** Sends the change to the server; null when a field must be fixed first (the form says which). */
  readonly save: () => Promise<unknown> | null;
  /** Called once the server has taken the change. */
  readonly onDone: () => void;
  readonly onClose: () => void;
  /** Room for rows of several fields (an option group's options). */
  readonly wide?: boolean;
  /** The fields. */
  readonly children: ReactNode;
}

/**
 * A dialog that adds or changes one thing: its fields, Cancel and Save. Save is busy while the
 * change is sent; the server's refusal is shown under the fields and the dialog stays open.
 */
export function FormDialog({
  title,
  name,
  ready,
  save,
  onDone,
  onClose,
  wide = false,
  children,
}: FormDialogProps) {
  const t = useText();
  const action = useAction();
  const confirm = () => {
    const sending = save();
    if (sending === null) return;
    void action
      .run(() => sending)
      .then((saved) => {
        if (saved) onDone();
      });
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      className={wide ? "wide" : undefined}
      testId={`${name}-dialog`}
      actions={
        <DialogButtons
          cancelLabel={t("common.cancel")}
          onCancel={onClose}
          confirmLabel={action.busy ? t("common.saving") : t("common.save")}
          onConfirm={confirm}
          confirmDisabled={action.busy || !ready}
          confirmTestId={`${name}-save`}
        />
      }
    >
      {children}
      <FormError problem={action.problem} />
    </Dialog>
  );
}
