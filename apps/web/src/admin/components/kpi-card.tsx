import type { ReactNode } from "react";
import { Money } from "../../shared/money/money.js";

/** A key figure: a count, or an amount of money in đồng. */
export type Figure = { readonly count: number } | { readonly amount: number };

interface KpiCardProps {
  readonly label: string;
  readonly figure: Figure;
  /** Where a test reads the figure (an amount's exact value sits on a hidden twin). */
  readonly testId?: string;
  /** A note under the figure: yesterday's revenue, the open orders. */
  readonly children?: ReactNode;
}

/** One key figure of the dashboard or a report, big, with its label above it. */
export function KpiCard({ label, figure, testId, children }: KpiCardProps) {
  return (
    <div className="a-card">
      <span className="muted">{label}</span>
      {"count" in figure ? (
        <span className="a-kpi" data-testid={testId}>
          {figure.count}
        </span>
      ) : (
        <>
          <Money amount={figure.amount} className="a-kpi" />
          {testId === undefined ? null : <span data-testid={testId} data-amount={figure.amount} hidden />}
        </>
      )}
      {children}
    </div>
  );
}

/** Revenue per paid order, rounded to the đồng; nothing sold, nothing on average. */
export function averagePerOrder(revenue: number, orders: number): number {
  return orders === 0 ? 0 : Math.round(revenue / orders);
}
