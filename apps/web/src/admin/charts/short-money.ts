/**
 * An amount short enough for a chart axis, the way Vietnamese shops say it: 58.000 → "58k",
 * 1.250.000 → "1,25tr", 2.000.000.000 → "2tỷ".
 */
export function shortMoney(amount: number): string {
  const format = (value: number) =>
    new Intl.NumberFormat("vi-VN", { maximumFractionDigits: value < 10 ? 2 : 1 }).format(value);
  const size = Math.abs(amount);
  if (size >= 1e9) return `${format(amount / 1e9)}tỷ`;
  if (size >= 1e6) return `${format(amount / 1e6)}tr`;
  if (size >= 1e3) return `${format(amount / 1e3)}k`;
  return format(amount);
}
