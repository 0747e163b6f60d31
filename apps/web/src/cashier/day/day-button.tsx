import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DayApi } from "./day-api.js";
import { DayDialog } from "./day-dialog.js";
import "./day.css";

/** "Hôm nay": the day's figures at the counter, a tap away. */
export function DayButton({
  api,
  timeZone,
}: {
  readonly api: DayApi;
  readonly timeZone?: string | undefined;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary day-button"
        data-testid="day-open"
        onClick={() => setOpen(true)}
      >
        {t("day.button")}
      </button>
      {open ? <DayDialog api={api} timeZone={timeZone} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
