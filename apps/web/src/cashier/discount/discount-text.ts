import { DISCOUNT_REASONS, type DiscountReason } from "@quay/core";
import type { TFunction } from "i18next";
import type { OrderLine } from "../api/station-types.js";

type GivenDiscount = NonNullable<OrderLine["discount"]>;

const isReason = (reason: string): reason is DiscountReason =>
  (DISCOUNT_REASONS as readonly string[]).includes(reason);

/** A discount in words on the receipt and the order: "Giảm 10% · Khách quen" (a free-text reason as it is). */
export function discountText(t: TFunction, discount: GivenDiscount): string {
  const what =
    discount.percent === null ? t("discount.button") : `${t("discount.takesOff")} ${discount.percent}%`;
  if (discount.reason === null) return what;
  return `${what} · ${isReason(discount.reason) ? t(`discount.reasons.${discount.reason}`) : discount.reason}`;
}
