import { useTranslation } from "react-i18next";
import type { MenuItem } from "../api/station-types.js";

interface SoldOutToggleProps {
  readonly item: MenuItem;
  readonly onToggle: (item: MenuItem, soldOut: boolean) => void;
}

/**
 * The "Hết món" switch on a menu tile's corner: one tap marks the item sold out at this counter
 * (every counter and phone sees it within a second), another puts it back on sale. Its own
 * button, a finger's size, so a tap on it never adds the item.
 */
export function SoldOutToggle({ item, onToggle }: SoldOutToggleProps) {
  const { t } = useTranslation();
  const label = item.soldOut
    ? t("soldOut.markOnSaleLabel", { name: item.name })
    : t("soldOut.markSoldOutLabel", { name: item.name });
  return (
    <button
      type="button"
      className={item.soldOut ? "sold-out-toggle on" : "sold-out-toggle"}
      aria-pressed={item.soldOut}
      aria-label={label}
      title={label}
      data-testid="sold-out-toggle"
      data-item={item.name}
      onClick={() => onToggle(item, !item.soldOut)}
    >
      {item.soldOut ? t("soldOut.markOnSale") : t("soldOut.markSoldOut")}
    </button>
  );
}
