import { BarChart } from "../charts/bar-chart.js";
import { DoughnutChart } from "../charts/doughnut-chart.js";
import type { ReportTable } from "./report-views.js";

/** The chart of one view: bars for days and hours, bars across for names, a doughnut for shares. */
export function ReportChart({ table, label }: { readonly table: ReportTable; readonly label: string }) {
  const { kind, labels, values } = table.chart;
  if (labels.length === 0) return null;
  if (kind === "doughnut") return <DoughnutChart labels={labels} values={values} label={label} />;
  return (
    <BarChart
      labels={labels}
      values={values}
      label={label}
      horizontal={kind === "bars-across"}
      testId="report-chart"
    />
  );
}
