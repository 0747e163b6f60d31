import { FormError } from "../../shared/components/form-error.js";
import { useText } from "../i18n/admin-text.js";
import type { Action } from "./use-action.js";

interface SaveBarProps {
  /** The save under way, and the server's refusal of the last one. */
  readonly action: Action;
  /** Whether the form may be sent as it stands. */
  readonly valid: boolean;
  readonly onSave: () => void;
  readonly label: string;
  /** Shown once the last save went through, until the form changes. */
  readonly savedText: string | null;
  readonly testId: string;
}

/** A settings panel's foot: the refusal, the save button, and "saved" once it went through. */
export function SaveBar({ action, valid, onSave, label, savedText, testId }: SaveBarProps) {
  const t = useText();
  return (
    <>
      <FormError problem={action.problem} />
      <div className="a-panel-head">
        <button
          type="button"
          className="primary"
          disabled={!valid || action.busy}
          onClick={onSave}
          data-testid={testId}
        >
          {action.busy ? t("common.saving") : label}
        </button>
        {savedText === null ? null : (
          <span className="muted" role="status">
            {savedText}
          </span>
        )}
      </div>
    </>
  );
}
