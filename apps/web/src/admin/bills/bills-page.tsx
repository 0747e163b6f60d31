import { useState } from "react";
import { Field } from "../../shared/components/field.js";
import { TextField } from "../../shared/components/text-field.js";
import { Money } from "../../shared/money/money.js";
import { formatDateTime } from "../../shared/time/format-time.js";
import type { Bill, BillFilters, PaymentMethod } from "../api/admin-types.js";
import { useStaffNames } from "../api/use-staff-names.js";
import { DataTable } from "../components/data-table.js";
import { LoadError } from "../components/load-error.js";
import { PageHead } from "../components/page-head.js";
import { useText } from "../i18n/admin-text.js";
import { storeTimeZone, useStore } from "../layout/store-context.js";
import { useRangePicker } from "../reports/range-picker.js";
import { BillDetail } from "./bill-detail.js";
import { useBillPages } from "./use-bill-pages.js";

const METHODS: readonly PaymentMethod[] = ["cash", "transfer", "card"];
const NO_FILTERS: BillFilters = { q: "", method: "" };

/** The paid bills of any range of days, found by number, table, amount and method; each with its history. */
export function BillsPage() {
  const t = useText();
  const { catalog } = useStore();
  const timeZone = storeTimeZone(catalog);
  const names = useStaffNames();
  const { range, picker } = useRangePicker("today", t("bills.show"), "bills");
  const [draft, setDraft] = useState<BillFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<BillFilters>(NO_FILTERS);
  const [chosen, setChosen] = useState<Bill | null>(null);
  const { bills, error, loading, more } = useBillPages(range, filters);
  const methodsOf = (bill: Bill) =>
    [...new Set(bill.payments.map((payment) => t(`reports.methods.${payment.method}`)))].join(", ");

  return (
    <div className="a-page">
      <PageHead title={t("bills.title")} />
      {picker}
      <form
        className="a-range"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(draft);
        }}
      >
        <TextField
          label={t("bills.search")}
          type="search"
          value={draft.q}
          onValue={(q) => setDraft({ ...draft, q })}
          testId="bills-q"
        />
        <Field label={t("bills.method")}>
          <select
            value={draft.method}
            data-testid="bills-method"
            onChange={(event) => {
              const next = { ...draft, method: event.target.value as BillFilters["method"] };
              setDraft(next);
              setFilters(next);
            }}
          >
            <option value="">{t("bills.allMethods")}</option>
            {METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`reports.methods.${method}`)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="secondary" data-testid="bills-filter">
          {t("bills.filter")}
        </button>
      </form>

      <LoadError error={error} />
      <div className="a-bills">
        <section className="a-panel" aria-busy={loading}>
          {bills.length === 0 && !loading ? <p className="muted">{t("bills.empty")}</p> : null}
          <DataTable
            hidden={bills.length === 0}
            testId="bills-table"
            columns={[
              { label: t("bills.columns.number") },
              { label: t("bills.columns.table") },
              { label: t("bills.columns.paidAt") },
              { label: t("bills.columns.cashier") },
              { label: t("bills.columns.total"), numeric: true },
            ]}
          >
            {bills.map((bill) => (
              <tr
                key={bill.id}
                data-testid="bill-row"
                data-number={bill.number}
                data-total={bill.total}
                aria-selected={chosen?.id === bill.id}
                className={chosen?.id === bill.id ? "selected" : undefined}
              >
                <td>
                  <button type="button" className="a-link" onClick={() => setChosen(bill)}>
                    {bill.number}
                  </button>
                </td>
                <td>{names.table(bill.tableId) ?? t("bills.noTable")}</td>
                <td>{bill.paidAt ? formatDateTime(bill.paidAt, timeZone) : ""}</td>
                <td>{names.user(bill.closedByUserId) ?? ""}</td>
                <td className="num">
                  <Money amount={bill.total} />
                  <span className="a-methods">{methodsOf(bill)}</span>
                  {bill.refunded > 0 ? (
                    <span className="a-refunded" data-testid="bill-refunded">
                      {t("bills.columns.refunded")} <Money amount={bill.refunded} />
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
          {more ? (
            <button type="button" className="secondary" onClick={more} data-testid="bills-more">
              {t("bills.more")}
            </button>
          ) : null}
        </section>
        {chosen ? (
          <BillDetail bill={chosen} names={names} onClose={() => setChosen(null)} />
        ) : (
          <p className="muted a-panel">{t("bills.choose")}</p>
        )}
      </div>
    </div>
  );
}
