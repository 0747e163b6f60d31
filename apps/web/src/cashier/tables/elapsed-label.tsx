import { useTranslation } from "react-i18next";
import { elapsedText } from "../../shared/time/elapsed-text.js";

interface ElapsedLabelProps {
  readonly since: string | null;
  readonly now: number;
}

/** How long a table has been occupied: "25 phút", "1 giờ 5 phút". */
export function ElapsedLabel({ since, now }: ElapsedLabelProps) {
  const { t } = useTranslation();
  if (since === null) return null;
  return (
    <span className="elapsed" title={since}>
      {elapsedText(since, now, t)}
    </span>
  );
}
