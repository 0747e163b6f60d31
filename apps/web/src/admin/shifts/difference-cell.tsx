import { Money } from "../../shared/money/money.js";
import { useText } from "../i18n/admin-text.js";

/** A cash difference as a table cell: a drawer over or short stands out, with the word for which. */
export function DifferenceCell({
  difference,
  testId,
}: {
  readonly difference: number;
  readonly testId?: string;
}) {
  const t = useText();
  if (difference === 0) {
    return (
      <td className="num" data-testid={testId}>
        <Money amount={0} />
      </td>
    );
  }
  return (
    <td className="num a-alert" data-testid={testId}>
      {difference > 0 ? t("shifts.over") : t("shifts.short")} <Money amount={Math.abs(difference)} />
    </td>
  );
}
