import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../components/form-dialog.js";
import { ReasonChoice } from "../components/reason-choice.js";
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
  const ready = reason.trim() !== "" && (!needsPin || /^\d{4,8}$/.test(pin));

  return (
    <FormDialog
      title={title}
      testId="void-dialog"
      onClose={onClose}
      ready={ready}
      submitLabel={t("voidLine.confirm")}
      tone="danger"
      onSubmit={() => onConfirm(reason.trim(), needsPin ? pin : null)}
    >
      <p className="void-subject">{subject}</p>
      <ReasonChoice
        label={t("voidLine.reason")}
        reasons={REASONS.map((key) => t(`voidLine.reasons.${key}`))}
        otherLabel={t("voidLine.otherReason")}
        reason={reason}
        onChange={setReason}
      />
      {needsPin ? <ManagerPinField pin={pin} onChange={setPin} help={t("voidLine.pinHelp")} /> : null}
    </FormDialog>
  );
}
