import { useTranslation } from "react-i18next";
import type { OptionFieldsText } from "../../shared/options/option-fields.js";

/** The cashier's words around an item's options. */
export function useOptionText(): OptionFieldsText {
  const { t } = useTranslation();
  return {
    pickOne: t("menu.options.pickOne"),
    pickUpToOne: t("menu.options.pickUpToOne"),
    pickUpTo: (max) => t("menu.options.pickUpTo", { max }),
    price: t("menu.options.price"),
  };
}
