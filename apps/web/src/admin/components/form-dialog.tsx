import type { ReactNode } from "react";
import { Dialog } from "../../shared/components/dialog.js";
import { DialogButtons } from "../../shared/components/dialog-buttons.js";
import { FormError } from "../../shared/components/form-error.js";
import { useText } from "../i18n/admin-text.js";
import type { Action } from "./use-action.js";

interface FormDialogProps {
  readonly title: string;
  readonly testId: string;
  /** The save button's test id. */
  readonly saveTestId: string;
  /** The dialog's action: busy while saving; the server's refusal is shown under the fields. */
  readonly action: Action;
  /** Whether the fields are complete enough to save. */
  readonly ready: boolean;
  readonly onSave: () => void;
  readonly onClose: () => void;
  /** The fields. */
  readonly children: ReactNode;
}

/** A dialog that adds or changes one thing: its fields, Cancel and Save. */
export function FormDialog({
  title,
  testId,
  saveTestId,
  action,
  ready,
  onSave,
  onClose,
  children,
}: FormDialogProps) {
  const t = useText();
  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId={testId}
      actions={
        <DialogButtons
          cancelLabel={t("common.cancel")}
          onCancel={onClose}
          confirmLabel={action.busy ? t("common.saving") : t("common.save")}
          onConfirm={onSave}
          confirmDisabled={action.busy || !ready}
          confirmTestId={saveTestId}
        />
      }
    >
      {children}
      <FormError problem={action.problem} />
    </Dialog>
  );
}
