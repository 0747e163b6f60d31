import { DISCOUNT_REASONS, type DiscountReason } from "@quay/core";
import type { OrderView } from "@quay/protocol";
import { type Text, useTypedText } from "../i18n/typed-text.js";
import type { discountVi } from "./discount-messages.js";

/** The discount messages every app that gives discounts holds under `discount`. */
export type DiscountText = Text<{ readonly discount: typeof discountVi }>;

/** The app's `t` for the discount messages (each app's resources hold them under `discount`). */
export function useDiscountText(): DiscountText {
  return useTypedText<{ readonly discount: typeof discountVi }>();
}

type GivenDiscount = NonNullable<OrderView["lines"][number]["discount"]>;

const isReason = (reason: string): reason is DiscountReason =>
  (DISCOUNT_REASONS as readonly string[]).includes(reason);

/** A discount in words on the receipt and the order: "Giảm 10% · Khách quen" (a free-text reason as it is). */
export function discountText(t: DiscountText, discount: GivenDiscount): string {
  const what =
    discount.percent === null ? t("discount.button") : `${t("discount.takesOff")} ${discount.percent}%`;
  if (discount.reason === null) return what;
  return `${what} · ${isReason(discount.reason) ? t(`discount.reasons.${discount.reason}`) : discount.reason}`;
}
