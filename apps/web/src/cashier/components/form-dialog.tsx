import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { FormError } from "../../shared/components/form-error.js";
import { errorText } from "../api/error-text.js";

interface FormDialogProps {
  readonly title: string;
  readonly testId: string;
  readonly className?: string | undefined;
  /** Cancel, Esc and the backdrop call this; absent for a dialog that must be answered. */
  readonly onClose?: (() => void) | undefined;
  /** Whether the fields are complete enough to send (Enter and the main button wait for it). */
  readonly ready: boolean;
  /** The main button's words: "Lưu", "Mở ca". */
  readonly submitLabel: string;
  /** `danger` for what cannot be undone (a void). */
  readonly tone?: "primary" | "danger";
  /** Sends the form to the station; once it succeeds the caller closes the dialog. */
  readonly onSubmit: () => Promise<void>;
  /** The fields. */
  readonly children: ReactNode;
}

/**
 * A cashier dialog that sends one form: its fields, Cancel and the main button. The button stays
 * busy from the send until the dialog closes; the station's refusal is shown under the fields
 * and the dialog stays open to try again.
 */
export function FormDialog({
  title,
  testId,
  className,
  onClose,
  ready,
  submitLabel,
  tone = "primary",
  onSubmit,
  children,
}: FormDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit();
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={onClose} testId={testId} className={className}>
      <form onSubmit={submit} className="stack">
        {children}
        <FormError problem={error} />
        <div className="dialog-actions">
          {onClose ? (
            <button type="button" className="secondary" onClick={onClose}>
              {t("common.cancel")}
            </button>
          ) : null}
          <button type="submit" className={tone} disabled={!ready || busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
