import { Money } from "../../shared/money/money.js";
import { dayText } from "../../shared/time/day-text.js";
import type { AuditReport } from "../api/admin-types.js";
import { useLoad } from "../api/use-load.js";
import { LoadedTable } from "../components/loaded-table.js";
import { PageHead } from "../components/page-head.js";
import { useText } from "../i18n/admin-text.js";
import { storeTimeZone, useStore } from "../layout/store-context.js";
import { useRangePicker } from "../reports/range-picker.js";
import { DifferenceCell } from "../shifts/difference-cell.js";

type Row = AuditReport["rows"][number];
const TALLIES = ["voids", "reductions", "discounts", "refunds"] as const;

/** Per day and per cashier, what an owner checks a shift with: voids, reductions, discounts, refunds, cash, differences. */
export function AuditPage() {
  const t = useText();
  const { api, storeId, catalog, salesVersion } = useStore();
  const timeZone = storeTimeZone(catalog);
  const { range, picker } = useRangePicker("last7", t("audit.show"), "audit");
  const audit = useLoad(
    () => api.audit(storeId, range.from, range.to),
    `${storeId}|${range.from}|${range.to}|${salesVersion}`,
  );
  const rows = audit.data?.rows ?? [];
  const tallyCell = (row: Row, tally: (typeof TALLIES)[number]) => {
    const { count, amount } = row[tally];
    return (
      <td key={tally} className="num" data-testid={`audit-${tally}`} data-count={count} data-amount={amount}>
        {count === 0 ? (
          t("common.none")
        ) : (
          <>
            <Money amount={amount} />
            <span className="a-methods">{t("audit.times", { count })}</span>
          </>
        )}
      </td>
    );
  };
  const cashCell = (amount: number, testId: string) => (
    <td className="num" data-testid={testId} data-amount={amount}>
      {amount === 0 ? t("common.none") : <Money amount={amount} />}
    </td>
  );

  return (
    <div className="a-page">
      <PageHead title={t("audit.title")} />
      {picker}
      <LoadedTable
        error={audit.error}
        empty={audit.data?.rows.length === 0}
        emptyText={t("audit.empty")}
        rowCount={rows.length}
        testId="audit-table"
        columns={[
          { label: t("audit.columns.date") },
          { label: t("audit.columns.cashier") },
          ...TALLIES.map((tally) => ({ label: t(`audit.columns.${tally}`), numeric: true })),
          { label: t("audit.columns.cashIn"), numeric: true },
          { label: t("audit.columns.cashOut"), numeric: true },
          { label: t("audit.columns.difference"), numeric: true },
        ]}
      >
        {rows.map((row) => (
          <tr
            key={`${row.date}|${row.userId}`}
            data-testid="audit-row"
            data-date={row.date}
            data-name={row.name}
          >
            <td>{dayText(row.date)}</td>
            <td>{row.name ?? t("history.unknownUser")}</td>
            {TALLIES.map((tally) => tallyCell(row, tally))}
            {cashCell(row.cashIn, "audit-cashIn")}
            {cashCell(row.cashOut, "audit-cashOut")}
            {row.shifts === 0 ? (
              <td className="num">{t("common.none")}</td>
            ) : (
              <DifferenceCell difference={row.shiftDifference} testId="audit-difference" />
            )}
          </tr>
        ))}
      </LoadedTable>
      <p className="muted small">{t("audit.note", { timeZone })}</p>
    </div>
  );
}
