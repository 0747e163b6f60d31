import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ManagerPinField } from "../../shared/components/manager-pin-field.js";
import { FormDialog } from "../components/form-dialog.js";
import { ReasonChoice } from "../components/reason-choice.js";
import { vi } from "../i18n/vi.js";

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
  const ready = reason.trim() !== "" && (!needsPin || /^\d{4,8}$/.test(pin)) && props.answered !== false;

  return (
    <FormDialog
      title={title}
      testId={props.testId ?? "void-dialog"}
      onClose={onClose}
      ready={ready}
      submitLabel={props.confirmLabel ?? t("voidLine.confirm")}
      tone="danger"
      onSubmit={() => onConfirm(reason.trim(), needsPin ? pin : null)}
    >
      <p className="void-subject">{subject}</p>
      {props.children}
      <ReasonChoice
        label={t("voidLine.reason")}
        reasons={reasons}
        otherLabel={t("voidLine.otherReason")}
        reason={reason}
        onChange={setReason}
      />
      {needsPin ? (
        <ManagerPinField
          label={t("voidLine.pin")}
          pin={pin}
          onChange={setPin}
          help={props.pinHelp ?? t("voidLine.pinHelp")}
        />
      ) : null}
    </FormDialog>
  );
}
