import { useEffect, useState } from "react";
import { Field } from "../../shared/components/field.js";
import { BankKeyPanel } from "../bank/bank-key-panel.js";
import { PageHead } from "../components/page-head.js";
import { SaveBar } from "../components/save-bar.js";
import { useAction } from "../components/use-action.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import { PrintSettingsPanel } from "../printers/print-settings-panel.js";
import { KNOWN_BANKS, type StoreForm, storeChanges, storeForm, storeFormProblems } from "./store-form.js";

type TextField = Exclude<keyof StoreForm, "autoSync" | "shiftRequired">;

/**
 * The store's settings (`PATCH /api/stores/:id`): its details, the account VietQR pays into,
 * what its receipts print, whether counters sync by themselves and take payments only in an open
 * shift, how big a discount cashiers and waiters give alone, and how they print. Stations
 * take every change with their next pull.
 */
export function StorePage() {
  const t = useText();
  const { api, storeId, catalog, reloadCatalog } = useStore();
  const store = catalog?.store ?? null;
  const [form, setForm] = useState<StoreForm | null>(null);
  const [saved, setSaved] = useState(false);
  const action = useAction();
  // A store chosen or changed elsewhere: start from what the server holds.
  useEffect(() => setForm(store ? storeForm(store) : null), [store]);
  if (!store || !form) return <div className="a-page">{t("common.loading")}</div>;

  const problems = storeFormProblems(form);
  const valid = Object.keys(problems).length === 0;
  const change = (patch: Partial<StoreForm>) => {
    setForm({ ...form, ...patch });
    setSaved(false);
  };
  const save = async () => {
    setSaved(false);
    if (!(await action.run(() => api.updateStore(storeId, storeChanges(form))))) return;
    setSaved(true);
    reloadCatalog();
  };
  const problem = (field: TextField) => {
    const code = problems[field];
    return code ? <span className="form-error">{t(`store.problems.${code}`)}</span> : null;
  };
  const input = (field: TextField, options: { maxLength: number; inputMode?: "numeric" | "tel" }) => (
    <div className="field">
      <Field label={t(`store.fields.${field}`)}>
        <input
          value={form[field]}
          maxLength={options.maxLength}
          inputMode={options.inputMode}
          list={field === "bankBin" ? "known-banks" : undefined}
          onChange={(event) => change({ [field]: event.target.value })}
          data-testid={`store-${field}`}
        />
      </Field>
      {problem(field)}
    </div>
  );
  const lines = (field: "receiptHeader" | "receiptFooter") => (
    <div className="field">
      <Field label={t(`store.fields.${field}`)}>
        <textarea
          rows={4}
          value={form[field]}
          onChange={(event) => change({ [field]: event.target.value })}
          data-testid={`store-${field}`}
        />
      </Field>
      {problem(field) ?? <span className="muted small">{t("store.linesHelp")}</span>}
    </div>
  );

  return (
    <div className="a-page">
      <PageHead title={t("store.title")} note={store.code} />
      <div className="a-grid">
        <section className="a-panel">
          <h2>{t("store.details")}</h2>
          {input("name", { maxLength: 120 })}
          {input("address", { maxLength: 300 })}
          {input("phone", { maxLength: 30, inputMode: "tel" })}
          {input("taxCode", { maxLength: 14, inputMode: "numeric" })}
        </section>
        <section className="a-panel">
          <h2>{t("store.bank")}</h2>
          <span className="muted small">{t("store.bankHelp")}</span>
          {input("bankBin", { maxLength: 6, inputMode: "numeric" })}
          <datalist id="known-banks">
            {KNOWN_BANKS.map((bank) => (
              <option key={bank.bin} value={bank.bin}>
                {bank.name}
              </option>
            ))}
          </datalist>
          {input("bankAccount", { maxLength: 19, inputMode: "numeric" })}
          {input("bankAccountName", { maxLength: 80 })}
        </section>
        <section className="a-panel">
          <h2>{t("store.receipt")}</h2>
          {lines("receiptHeader")}
          {lines("receiptFooter")}
          {input("wifi", { maxLength: 48 })}
        </section>
        <section className="a-panel">
          <h2>{t("store.counters")}</h2>
          {(["autoSync", "shiftRequired"] as const).map((setting) => (
            <div className="field" key={setting}>
              <label className="a-check">
                <input
                  type="checkbox"
                  checked={form[setting]}
                  onChange={(event) => change({ [setting]: event.target.checked })}
                  data-testid={`store-${setting}`}
                />
                <span>{t(`store.${setting}`)}</span>
              </label>
              <span className="muted small">{t(`store.${setting}Help`)}</span>
            </div>
          ))}
        </section>
        <section className="a-panel">
          <h2>{t("store.discounts")}</h2>
          <span className="muted small">{t("store.discountsHelp")}</span>
          {input("discountLimitCashier", { maxLength: 3, inputMode: "numeric" })}
          {input("discountLimitWaiter", { maxLength: 3, inputMode: "numeric" })}
        </section>
      </div>
      <SaveBar
        action={action}
        valid={valid}
        onSave={() => void save()}
        label={t("common.save")}
        savedText={saved ? t("store.saved") : null}
        testId="store-save"
      />
      <PrintSettingsPanel settings={store} />
      <BankKeyPanel />
    </div>
  );
}
