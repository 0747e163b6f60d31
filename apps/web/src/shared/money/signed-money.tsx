import { Money } from "./money.js";

interface SignedMoneyProps {
  /** Whole đồng added (positive) or taken off (negative). */
  readonly amount: number;
}

/** An amount that changes a price, with its sign: "+5.000 ₫", "−5.000 ₫" (nothing changed: "0 ₫"). */
export function SignedMoney({ amount }: SignedMoneyProps) {
  const sign = amount > 0 ? "+" : amount < 0 ? "−" : "";
  return (
    <>
      {sign}
      <Money amount={Math.abs(amount)} />
    </>
  );
}
