import { formatVnd } from "../../shared/money/format-money.js";
import { Money } from "../../shared/money/money.js";
import { dayText } from "../../shared/time/day-text.js";
import { formatTime } from "../../shared/time/format-time.js";
import { useLoad } from "../api/use-load.js";
import { BarChart } from "../charts/bar-chart.js";
import { DoughnutChart } from "../charts/doughnut-chart.js";
import { averagePerOrder, KpiCard } from "../components/kpi-card.js";
import { LoadError } from "../components/load-error.js";
import { PageHead } from "../components/page-head.js";
import { useText } from "../i18n/admin-text.js";
import { useStore } from "../layout/store-context.js";
import "./dashboard.css";

const OPENING_HOUR = 7;
const CLOSING_HOUR = 21;

/** Today at a glance, in the store's time zone; reloads itself when orders change. */
export function DashboardPage() {
  const t = useText();
  const { api, storeId, salesVersion } = useStore();
  const board = useLoad(() => api.dashboard(storeId), `${storeId}|${salesVersion}`);
  const data = board.data;

  if (data === null) {
    return (
      <div className="a-page">
        <h1>{t("dashboard.title")}</h1>
        {board.error ? <LoadError error={board.error} /> : <p className="muted">{t("common.loading")}</p>}
      </div>
    );
  }

  // The trading day (at least 07:00–21:00, wider when sales fall outside), quiet hours as gaps.
  const hours = data.byHour.map((hour) => hour.hour);
  const first = Math.min(OPENING_HOUR, ...hours);
  const last = Math.max(CLOSING_HOUR, ...hours);
  const span =
    hours.length === 0 ? [] : Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const byHour = new Map(data.byHour.map((hour) => [hour.hour, hour.revenue]));

  return (
    <div className="a-page" data-testid="dashboard">
      <PageHead
        title={t("dashboard.title")}
        note={
          <>
            {t("dashboard.date", { date: dayText(data.date) })} ·{" "}
            {t("dashboard.updated", { time: formatTime(data.generatedAt, data.timeZone) })}
          </>
        }
      />
      <section className="a-cards">
        <KpiCard label={t("dashboard.revenue")} figure={{ amount: data.revenue }} testId="dashboard-revenue">
          <span className="muted small">
            {t("dashboard.yesterday", {
              amount: formatVnd(data.previous.revenue),
              count: data.previous.orders,
            })}
          </span>
        </KpiCard>
        <KpiCard label={t("dashboard.orders")} figure={{ count: data.orders }} testId="dashboard-orders">
          <span className="muted small">
            {t("dashboard.average")}: {formatVnd(averagePerOrder(data.revenue, data.orders))}
          </span>
        </KpiCard>
        <KpiCard
          label={t("dashboard.openTables")}
          figure={{ count: data.openTables }}
          testId="dashboard-open-tables"
        >
          <span className="muted small" data-testid="dashboard-open-orders" data-count={data.openOrders}>
            {t("dashboard.openOrders", { count: data.openOrders, amount: formatVnd(data.openTotal) })}
          </span>
        </KpiCard>
      </section>
      <div className="a-grid">
        <section className="a-panel">
          <h2>{t("dashboard.byHour")}</h2>
          {span.length === 0 ? (
            <p className="muted">{t("dashboard.noSales")}</p>
          ) : (
            <BarChart
              labels={span.map((hour) => t("reports.hourLabel", { hour: String(hour).padStart(2, "0") }))}
              values={span.map((hour) => byHour.get(hour) ?? 0)}
              label={t("dashboard.byHour")}
              testId="hour-chart"
            />
          )}
        </section>
        <section className="a-panel">
          <h2>{t("dashboard.topItems")}</h2>
          {data.topItems.length === 0 ? (
            <p className="muted">{t("dashboard.noSales")}</p>
          ) : (
            <ol className="a-top-items" data-testid="top-items">
              {data.topItems.map((item) => (
                <li key={item.itemId}>
                  <span className="a-top-name">{item.name}</span>
                  <span className="muted small">× {item.quantity}</span>
                  <Money amount={item.revenue} className="a-top-amount" />
                </li>
              ))}
            </ol>
          )}
        </section>
        {data.byMethod.length === 0 ? null : (
          <section className="a-panel">
            <h2>{t("dashboard.byMethod")}</h2>
            <DoughnutChart
              labels={data.byMethod.map((method) => t(`reports.methods.${method.method}`))}
              values={data.byMethod.map((method) => method.amount)}
              label={t("dashboard.byMethod")}
            />
          </section>
        )}
      </div>
      <p className="muted small">{t("dashboard.live")}</p>
    </div>
  );
}
