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
  /** The usual reasons offered as chips; the void's by default. */
  readonly reasons?: readonly string[];
  /** What the dialog asks besides the reason (a refund's amount and method), and whether it is answered. */
  readonly children?: ReactNode;
  readonly answered?: boolean;
  readonly confirmLabel?: string;
  readonly pinHelp?: string;
  readonly testId?: string;
}

const VOID_REASONS = Object.keys(vi.voidLine.reasons) as (keyof typeof vi.voidLine.reasons)[];

/**
 * Takes money off with a reason, managers only or on a manager's PIN: voids a line or a whole
 * order, and (with its own fields) refunds a bill.
 */
export function VoidDialog(props: VoidDialogProps) {
  const { title, subject, needsPin, onConfirm, onClose } = props;
  const { t } = useTranslation();
  const reasons = props.reasons ?? VOID_REASONS.map((key) => t(`voidLine.reasons.${key}`));
  const [reason, setReason] = useState("");
  const [pin, setPin] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = reason.trim() !== "" && (!needsPin || /^\d{4,8}$/.test(pin)) && props.answered !== false;

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
    <Dialog title={title} onClose={onClose} testId={props.testId ?? "void-dialog"}>
      <form onSubmit={submit} className="stack">
        <p className="void-subject">{subject}</p>
        {props.children}
        <fieldset className="chips" aria-label={t("voidLine.reason")}>
          <legend>{t("voidLine.reason")}</legend>
          {reasons.map((text) => {
            return (
              <button
                type="button"
                key={text}
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
        {needsPin ? (
          <ManagerPinField pin={pin} onChange={setPin} help={props.pinHelp ?? t("voidLine.pinHelp")} />
        ) : null}
        <FormError problem={error} />
        <div className="dialog-actions">
          <button type="button" className="secondary" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button type="submit" className="danger" disabled={!ready || busy}>
            {props.confirmLabel ?? t("voidLine.confirm")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
