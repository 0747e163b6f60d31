import { useEffect, useRef } from "react";
import { formatVnd } from "../../shared/money/format-money.js";
import { Chart, PALETTE } from "./chart-setup.js";
import { shortMoney } from "./short-money.js";
import "./chart.css";

interface BarChartProps {
  readonly labels: readonly string[];
  /** Amounts in đồng. */
  readonly values: readonly number[];
  readonly label: string;
  /** Bars lying down (long names: items), or standing (days, hours). */
  readonly horizontal?: boolean;
  readonly testId?: string;
}

/** Money as bars, labelled `58.000 ₫` on hover and `58k` on the axis. */
export function BarChart({ labels, values, label, horizontal = false, testId }: BarChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Redrawn when the numbers change, not whenever the parent makes new arrays.
  const drawn = JSON.stringify([labels, values]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `drawn` stands for labels and values
  useEffect(() => {
    if (canvas.current === null) return undefined;
    const money = horizontal ? "x" : "y";
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: {
        labels: [...labels],
        datasets: [
          { label, data: [...values], backgroundColor: PALETTE[0], borderRadius: 4, maxBarThickness: 42 },
        ],
      },
      options: {
        indexAxis: horizontal ? "y" : "x",
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => formatVnd(Number(item.raw)) } },
        },
        scales: {
          [money]: {
            beginAtZero: true,
            ticks: { callback: (value: string | number) => shortMoney(Number(value)) },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [drawn, label, horizontal]);
  return (
    <div className="a-chart" style={{ height: horizontal ? Math.max(160, labels.length * 30 + 40) : 260 }}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
