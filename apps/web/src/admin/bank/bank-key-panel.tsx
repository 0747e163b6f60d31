import { useState } from "react";
import { Field } from "../../shared/components/field.js";
import { formatDateTime } from "../../shared/time/format-time.js";
import { useLoad } from "../api/use-load.js";
import { ConfirmDialog } from "../components/confirm-dialog.js";
import { useAction } from "../components/use-action.js";
import { useText } from "../i18n/admin-text.js";
import { storeTimeZone, useStore } from "../layout/store-context.js";
import "./bank.css";

/** The path SePay posts to, on the origin the back office is served from (the server's). */
const WEBHOOK_PATH = "/api/bank/sepay";

/**
 * On the store page: the key the store's bank service (SePay's webhook) authenticates with. A
 * new key is shown once, here, and replaces the old one; the server keeps only its hash.
 */
export function BankKeyPanel() {
  const t = useText();
  const { api, storeId, catalog } = useStore();
  const timeZone = storeTimeZone(catalog);
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const [shownKey, setShownKey] = useState<string | null>(null);
  const state = useLoad(() => api.bankNotifications(storeId), storeId);
  const keySet = state.data?.keySet ?? false;
  const make = async () => {
    const made = await api.newBankKey(storeId);
    setShownKey(made.key);
    state.reload();
  };

  return (
    <section className="a-panel" data-testid="bank-key-panel">
      <h2>{t("bank.key.title")}</h2>
      <p className="muted small">{t("bank.key.help")}</p>
      <div className="field">
        <Field label={t("bank.key.url")}>
          <input readOnly value={`${window.location.origin}${WEBHOOK_PATH}`} data-testid="bank-webhook-url" />
        </Field>
      </div>
      <p className="muted small" data-testid="bank-key-state">
        {state.data?.keyCreatedAt
          ? t("bank.key.since", { time: formatDateTime(state.data.keyCreatedAt, timeZone) })
          : t("bank.key.none")}
      </p>
      {shownKey === null ? null : (
        <div className="field">
          <Field label={t("bank.key.key")}>
            <input readOnly className="bank-key-value" value={shownKey} data-testid="bank-key-value" />
          </Field>
          <span className="muted small">{t("bank.key.shown")}</span>
        </div>
      )}
      <button
        type="button"
        className="secondary"
        disabled={action.busy}
        onClick={() => (keySet ? setAsking(true) : void action.run(make))}
        data-testid="bank-key-make"
      >
        {keySet ? t("bank.key.replace") : t("bank.key.create")}
      </button>
      {asking ? (
        <ConfirmDialog
          title={t("bank.key.confirmTitle")}
          message={t("bank.key.confirmReplace")}
          confirmLabel={t("bank.key.replace")}
          action={action}
          change={make}
          onDone={() => setAsking(false)}
          onClose={() => setAsking(false)}
        />
      ) : null}
      {!asking && action.problem !== null ? <p className="form-error">{action.problem}</p> : null}
    </section>
  );
}
