import { useEffect, useRef } from "react";
import { formatVnd } from "../../shared/money/format-money.js";
import { Chart, PALETTE } from "./chart-setup.js";
import "./chart.css";

interface DoughnutChartProps {
  readonly labels: readonly string[];
  readonly values: readonly number[];
  readonly label: string;
}

/** Shares of a whole (payment methods, categories) as a doughnut with its legend. */
export function DoughnutChart({ labels, values, label }: DoughnutChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Redrawn when the numbers change, not whenever the parent makes new arrays.
  const drawn = JSON.stringify([labels, values]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `drawn` stands for labels and values
  useEffect(() => {
    if (canvas.current === null) return undefined;
    const chart = new Chart(canvas.current, {
      type: "doughnut",
      data: {
        labels: [...labels],
        datasets: [
          {
            label,
            data: [...values],
            backgroundColor: labels.map((_, index) => PALETTE[index % PALETTE.length] ?? "#999"),
          },
        ],
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: "bottom" },
          tooltip: { callbacks: { label: (item) => `${item.label}: ${formatVnd(Number(item.raw))}` } },
        },
      },
    });
    return () => chart.destroy();
  }, [drawn, label]);
  return (
    <div className="a-chart" style={{ height: 260 }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
