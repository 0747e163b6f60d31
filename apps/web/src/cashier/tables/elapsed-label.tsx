import { useTranslation } from "react-i18next";
import { elapsedMinutes } from "../../shared/time/format-time.js";

interface ElapsedLabelProps {
  readonly since: string | null;
  readonly now: number;
}

/** How long a table has been occupied: "25 phút", "1 giờ 5 phút". */
export function ElapsedLabel({ since, now }: ElapsedLabelProps) {
  const { t } = useTranslation();
  if (since === null) return null;
  const minutes = elapsedMinutes(since, now);
  const text =
    minutes < 60
      ? t("tables.minutes", { count: minutes })
      : t("tables.hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
  return (
    <span className="elapsed" title={since}>
      {text}
    </span>
  );
}
