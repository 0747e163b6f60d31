import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from "chart.js";

// Only the parts the back office draws: bars and doughnuts (tree-shaken, in its own chunk).
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  Tooltip,
  Legend,
);

export { Chart };

/** The brand's colours, first the coffee brown, then accents that tell slices apart. */
export const PALETTE = [
  "#5b3a29",
  "#d9822b",
  "#1f7a4d",
  "#8a5a44",
  "#b45309",
  "#3b82a0",
  "#a33b5b",
  "#6b625b",
];
