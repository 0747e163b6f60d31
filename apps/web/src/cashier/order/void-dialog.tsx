import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { FormError } from "../../shared/components/form-error.js";
import { TextField } from "../../shared/components/text-field.js";
import { errorText } from "../api/error-text.js";
import { vi } from "../i18n/vi.js";
import { ManagerPinField } from "./manager-pin-field.js";

interface VoidDialogProps {
  readonly title: string;
  /** What is being voided: "2 × Bạc xỉu", or the order. */
  readonly subject: ReactNode;
  /** The signed-in user may not void by role: a manager's PIN is asked for. */
  readonly needsPin: boolean;
  readonly onConfirm: (reason: string, managerPin: string | null) => Promise<void>;
  readonly onClose: () => void;
}

const REASONS = Object.keys(vi.voidLine.reasons) as (keyof typeof vi.voidLine.reasons)[];

/** Voids a line or a whole order with a reason; managers only, or with a manager's PIN. */
export function VoidDialog({ title, subject, needsPin, onConfirm, onClose }: VoidDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [pin, setPin] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = reason.trim() !== "" && (!needsPin || /^\d{4,8}$/.test(pin));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm(reason.trim(), needsPin ? pin : null);
    } catch (failure) {
      setError(errorText(failure, t));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={onClose} testId="void-dialog">
      <form onSubmit={submit} className="stack">
        <p className="void-subject">{subject}</p>
        <fieldset className="chips" aria-label={t("voidLine.reason")}>
          <legend>{t("voidLine.reason")}</legend>
          {REASONS.map((key) => {
            const text = t(`voidLine.reasons.${key}`);
            return (
              <button
                type="button"
                key={key}
                className={reason === text ? "chip selected" : "chip"}
                aria-pressed={reason === text}
                onClick={() => setReason(text)}
              >
                {text}
              </button>
            );
          })}
        </fieldset>
        <TextField label={t("voidLine.otherReason")} value={reason} maxLength={200} onValue={setReason} />
        {needsPin ? <ManagerPinField pin={pin} onChange={setPin} help={t("voidLine.pinHelp")} /> : null}
        <FormError problem={error} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="danger" disabled={!ready || busy}>
            {t("voidLine.confirm")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
