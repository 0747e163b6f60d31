import { useMemo, useState } from "react";
import { downloadFile } from "../../shared/download/download-file.js";
import { useLoad } from "../api/use-load.js";
import { averagePerOrder, KpiCard } from "../components/kpi-card.js";
import { LoadError } from "../components/load-error.js";
import { PageHead } from "../components/page-head.js";
import { useText } from "../i18n/admin-text.js";
import { storeTimeZone, useStore } from "../layout/store-context.js";
import { useRangePicker } from "./range-picker.js";
import { ReportChart } from "./report-chart.js";
import { reportCsv } from "./report-csv.js";
import { ReportTableView } from "./report-table-view.js";
import { REPORT_VIEWS, type ReportView, reportTable } from "./report-views.js";
import { reportXlsx } from "./report-xlsx.js";
import "./reports.css";

/** Sales for any range of the store's days, by day, item, category, method, station, cashier and hour. */
export function ReportsPage() {
  const t = useText();
  const { api, storeId, catalog, salesVersion } = useStore();
  const timeZone = storeTimeZone(catalog);
  const { range, picker } = useRangePicker("last7", t("reports.show"), "report");
  const [view, setView] = useState<ReportView>("day");
  const report = useLoad(
    () => api.sales(storeId, range.from, range.to),
    `${storeId}|${range.from}|${range.to}|${salesVersion}`,
  );
  const table = useMemo(
    () => (report.data ? reportTable(report.data, view, t) : null),
    [report.data, view, t],
  );
  const fileName = t("reports.fileName", { view, from: range.from, to: range.to });

  return (
    <div className="a-page">
      <PageHead title={t("reports.title")} />
      {picker}

      <LoadError error={report.error} />
      {report.data ? (
        <section
          className="a-cards"
          aria-busy={report.loading}
          data-testid="report-summary"
          data-from={range.from}
          data-to={range.to}
        >
          <KpiCard
            label={t("reports.revenue")}
            figure={{ amount: report.data.revenue }}
            testId="report-revenue"
          />
          <KpiCard
            label={t("reports.orders")}
            figure={{ count: report.data.orders }}
            testId="report-orders"
          />
          <KpiCard
            label={t("reports.average")}
            figure={{ amount: averagePerOrder(report.data.revenue, report.data.orders) }}
          />
        </section>
      ) : null}

      <div className="tabs a-views" role="tablist">
        {REPORT_VIEWS.map((option) => (
          <button
            type="button"
            role="tab"
            key={option}
            aria-selected={view === option}
            className={view === option ? "tab selected" : "tab"}
            onClick={() => setView(option)}
            data-testid={`view-${option}`}
          >
            {t(`reports.views.${option}`)}
          </button>
        ))}
      </div>

      {table && report.data ? (
        report.data.orders === 0 ? (
          <p className="muted">{t("reports.empty")}</p>
        ) : (
          <section className="a-panel">
            <div className="a-panel-head">
              <h2>{t(`reports.views.${view}`)}</h2>
              <div className="a-export">
                <button
                  type="button"
                  className="secondary"
                  data-testid="export-csv"
                  onClick={() =>
                    downloadFile(
                      `${fileName}.csv`,
                      new Blob([reportCsv(table)], { type: "text/csv;charset=utf-8" }),
                    )
                  }
                >
                  ⬇ {t("reports.export")}
                </button>
                <button
                  type="button"
                  className="secondary"
                  data-testid="export-xlsx"
                  onClick={() =>
                    void reportXlsx(table, t(`reports.views.${view}`)).then((file) =>
                      downloadFile(`${fileName}.xlsx`, file),
                    )
                  }
                >
                  ⬇ {t("reports.exportXlsx")}
                </button>
              </div>
            </div>
            <ReportChart table={table} label={t(`reports.views.${view}`)} />
            <ReportTableView table={table} />
          </section>
        )
      ) : report.loading ? (
        <p className="muted">{t("common.loading")}</p>
      ) : null}
      <p className="muted small">{t("reports.note", { timeZone })}</p>
      {view === "item" || view === "category" ? <p className="muted small">{t("reports.itemNote")}</p> : null}
    </div>
  );
}
