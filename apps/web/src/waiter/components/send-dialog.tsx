import { type ReactNode, useState } from "react";
import { Dialog } from "../../shared/components/dialog.js";
import { DialogButtons } from "../../shared/components/dialog-buttons.js";
import { FormError } from "../../shared/components/form-error.js";
import { errorText } from "../api/error-text.js";
import { useText } from "../i18n/waiter-text.js";

interface SendDialogProps {
  readonly title: string;
  readonly testId: string;
  /** The main button's words and test id: "Lưu", "Áp dụng". */
  readonly confirmLabel: string;
  readonly confirmTestId: string;
  /** Whether the fields are complete enough to send. */
  readonly ready: boolean;
  readonly onClose: () => void;
  /** Sends what the fields hold; once it succeeds the caller closes the dialog. */
  readonly onSend: () => void | Promise<void>;
  /** A second thing to send, shown under the fields ("Bỏ giảm giá"). */
  readonly other?:
    | { readonly label: string; readonly testId: string; readonly onSend: () => Promise<void> }
    | undefined;
  /** The fields. */
  readonly children: ReactNode;
}

/**
 * A waiter's dialog that sends what it asks: Cancel and the main button, which stays busy while
 * the call is out; a refusal (a wrong PIN, a line the kitchen has) is shown under the fields and
 * the dialog stays open to try again.
 */
export function SendDialog(props: SendDialogProps) {
  const { title, testId, confirmLabel, confirmTestId, ready, onClose, onSend, other, children } = props;
  const t = useText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const send = (task: () => void | Promise<void>) => {
    setBusy(true);
    setProblem(null);
    Promise.resolve()
      .then(task)
      .catch((error: unknown) => {
        setProblem(errorText(error, t));
        setBusy(false);
      });
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId={testId}
      actions={
        <DialogButtons
          cancelLabel={t("common.cancel")}
          onCancel={onClose}
          confirmLabel={confirmLabel}
          onConfirm={() => send(onSend)}
          confirmDisabled={busy || !ready}
          confirmTestId={confirmTestId}
        />
      }
    >
      {children}
      {other ? (
        <button
          type="button"
          className="secondary danger-text"
          disabled={busy}
          onClick={() => send(other.onSend)}
          data-testid={other.testId}
        >
          {other.label}
        </button>
      ) : null}
      <FormError problem={problem} />
    </Dialog>
  );
}
