import { useState } from "react";
import { Field } from "../../shared/components/field.js";
import type { PrintSettings } from "../api/admin-types.js";
import { SaveBar } from "../components/save-bar.js";
import { useAction } from "../components/use-action.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";

const MAX_AGE = { min: 1, max: 1440 } as const;

interface PrintSettingsPanelProps {
  /** The store's settings as the catalog has them. */
  readonly settings: PrintSettings;
}

/** The store's two printing settings: how late a ticket may still print by itself, and silent receipts. */
export function PrintSettingsPanel({ settings }: PrintSettingsPanelProps) {
  const t = useText();
  const { api, storeId, reloadCatalog } = useStore();
  const action = useAction();
  const [maxAge, setMaxAge] = useState(String(settings.ticketMaxAgeMinutes));
  const [printReceipts, setPrintReceipts] = useState(settings.printReceipts);
  const [saved, setSaved] = useState(false);
  const minutes = Number(maxAge);
  const valid = /^\d+$/.test(maxAge) && minutes >= MAX_AGE.min && minutes <= MAX_AGE.max;

  const save = async () => {
    setSaved(false);
    const done = await action.run(() =>
      api.updateStore(storeId, { ticketMaxAgeMinutes: minutes, printReceipts }),
    );
    if (!done) return;
    setSaved(true);
    reloadCatalog();
  };

  return (
    <section className="a-panel" data-testid="print-settings">
      <h2>{t("printers.settings")}</h2>
      <div className="field">
        <Field label={t("printers.ticketMaxAge")}>
          <input
            inputMode="numeric"
            value={maxAge}
            maxLength={4}
            className="a-minutes"
            onChange={(event) => {
              setMaxAge(event.target.value.replace(/\D/g, ""));
              setSaved(false);
            }}
            data-testid="ticket-max-age"
          />
        </Field>
        {valid ? (
          <span className="muted small">{t("printers.ticketMaxAgeHelp")}</span>
        ) : (
          <span className="form-error">{t("printers.ticketMaxAgeInvalid")}</span>
        )}
      </div>
      <label className="a-check">
        <input
          type="checkbox"
          checked={printReceipts}
          onChange={(event) => {
            setPrintReceipts(event.target.checked);
            setSaved(false);
          }}
          data-testid="print-receipts"
        />
        <span>{t("printers.printReceipts")}</span>
      </label>
      <span className="muted small">{t("printers.printReceiptsHelp")}</span>
      <SaveBar
        action={action}
        valid={valid}
        onSave={() => void save()}
        label={t("printers.saveSettings")}
        savedText={saved ? t("printers.saved") : null}
        testId="print-settings-save"
      />
    </section>
  );
}
