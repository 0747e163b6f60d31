import { Money } from "../../shared/money/money.js";
import { formatDateTime } from "../../shared/time/format-time.js";
import { useLoad } from "../api/use-load.js";
import { useStaffNames } from "../api/use-staff-names.js";
import { LoadedTable } from "../components/loaded-table.js";
import { PageHead } from "../components/page-head.js";
import { useText } from "../i18n/admin-text.js";
import { storeTimeZone, useStore } from "../layout/store-context.js";
import { useRangePicker } from "../reports/range-picker.js";
import { DifferenceCell } from "./difference-cell.js";

/** The shifts closed at the store's counters, with the cash each expected, counted, and the difference. */
export function ShiftsPage() {
  const t = useText();
  const { api, storeId, catalog, salesVersion } = useStore();
  const timeZone = storeTimeZone(catalog);
  const names = useStaffNames();
  const { range, picker } = useRangePicker("last7", t("shifts.show"), "shifts");
  const shifts = useLoad(
    () => api.shifts(storeId, range.from, range.to),
    `${storeId}|${range.from}|${range.to}|${salesVersion}`,
  );
  const time = (at: string | null) => (at ? formatDateTime(at, timeZone) : "");
  const list = shifts.data ?? [];

  return (
    <div className="a-page">
      <PageHead title={t("shifts.title")} />
      {picker}
      <LoadedTable
        error={shifts.error}
        empty={shifts.data?.length === 0}
        emptyText={t("shifts.empty")}
        rowCount={list.length}
        testId="shifts-table"
        columns={[
          { label: t("shifts.columns.station") },
          { label: t("shifts.columns.cashier") },
          { label: t("shifts.columns.opened") },
          { label: t("shifts.columns.closed") },
          { label: t("shifts.columns.opening"), numeric: true },
          { label: t("shifts.columns.expected"), numeric: true },
          { label: t("shifts.columns.counted"), numeric: true },
          { label: t("shifts.columns.difference"), numeric: true },
        ]}
      >
        {list.map((shift) => (
          <tr key={shift.id} data-testid="shift-row" data-difference={shift.difference ?? ""}>
            <td>{names.station(shift.stationId) ?? shift.stationId ?? ""}</td>
            <td>{names.user(shift.closedByUserId ?? shift.openedByUserId) ?? ""}</td>
            <td>{time(shift.openedAt)}</td>
            <td>{time(shift.closedAt)}</td>
            <td className="num">
              <Money amount={shift.openingCash} />
            </td>
            <td className="num">
              <Money amount={shift.expectedCash} />
            </td>
            <td className="num">{shift.countedCash === null ? "" : <Money amount={shift.countedCash} />}</td>
            <DifferenceCell difference={shift.difference ?? 0} />
          </tr>
        ))}
      </LoadedTable>
      <p className="muted small">{t("shifts.note")}</p>
    </div>
  );
}
