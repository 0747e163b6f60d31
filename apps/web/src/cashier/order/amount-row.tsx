import { Money } from "../../shared/money/money.js";

interface AmountRowProps {
  readonly label: string;
  /** Whole đồng. */
  readonly amount: number;
  readonly className?: string;
  /** Shown as taken off the bill: "−12.000 ₫". */
  readonly deducted?: boolean;
  /** On the amount. */
  readonly testId?: string;
}

/** One labelled amount in a list of totals (`<dl>`): the order panel's and the receipt's. */
export function AmountRow({ label, amount, className, deducted = false, testId }: AmountRowProps) {
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd data-testid={testId}>
        {deducted ? "−" : null}
        <Money amount={amount} />
      </dd>
    </div>
  );
}
