import { useTranslation } from "react-i18next";

interface SoldOutModeBarProps {
  readonly marking: boolean;
  readonly onMarking: (marking: boolean) => void;
}

/**
 * "Báo hết món" above the menu: one tap turns every tile into its own hết-món switch (a whole
 * tile is the touch target; a tap marks the item sold out, or back on sale), "Xong" returns to
 * selling. Every counter and phone sees each toggle within a second.
 */
export function SoldOutModeBar({ marking, onMarking }: SoldOutModeBarProps) {
  const { t } = useTranslation();
  return (
    <div className={marking ? "sold-out-bar marking" : "sold-out-bar"}>
      {marking ? <span className="sold-out-hint">{t("soldOut.hint")}</span> : null}
      <button
        type="button"
        className={marking ? "primary" : ""}
        aria-pressed={marking}
        data-testid="sold-out-mode"
        onClick={() => onMarking(!marking)}
      >
        {marking ? t("soldOut.done") : t("soldOut.mode")}
      </button>
    </div>
  );
}
