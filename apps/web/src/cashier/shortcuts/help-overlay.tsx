import { useTranslation } from "react-i18next";
import { Dialog } from "../../shared/components/dialog.js";
import { DismissButton } from "../../shared/components/dialog-buttons.js";
import { SHORTCUTS } from "./shortcut-list.js";
import "./shortcuts.css";

interface HelpOverlayProps {
  readonly onClose: () => void;
}

/** The keyboard shortcuts, one per row (F1 or ? opens it). */
export function HelpOverlay({ onClose }: HelpOverlayProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={t("shortcuts.title")}
      onClose={onClose}
      testId="help-overlay"
      actions={<DismissButton label={t("common.close")} onClose={onClose} tone="primary" />}
    >
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={`${shortcut.text}-${shortcut.keys.join()}`}>
              <td>
                {shortcut.keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </td>
              <td>{t(`shortcuts.${shortcut.text}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
