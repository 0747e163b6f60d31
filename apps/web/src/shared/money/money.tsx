import { formatVnd } from "./format-money.js";

interface MoneyProps {
  /** Whole đồng. */
  readonly amount: number;
  readonly className?: string;
}

/** An amount shown the Vietnamese way, `58.000 ₫`, kept on one line. */
export function Money({ amount, className }: MoneyProps) {
  return (
    <span className={className === undefined ? "money" : `money ${className}`} data-amount={amount}>
      {formatVnd(amount)}
    </span>
  );
}
