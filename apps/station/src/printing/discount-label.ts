import type { DiscountReason, GivenDiscount } from "@quay/core";

/** The discount reasons as the station's Vietnamese paper prints them. */
const REASON_LABELS: Record<DiscountReason, string> = {
  regular: "Khách quen",
  promotion: "Khuyến mãi",
  staff: "Nhân viên",
  fault: "Món lỗi",
  other: "Khác",
};

/** How a discount prints on a bill or a receipt: "Giảm 10% (Khách quen)", "Giảm 20.000 đ". */
export function discountLabel(discount: GivenDiscount): string {
  const terms = discount.percent === null ? "" : ` ${discount.percent}%`;
  const reason =
    discount.reason === null ? "" : (REASON_LABELS[discount.reason as DiscountReason] ?? discount.reason);
  return `Giảm${terms}${reason === "" ? "" : ` (${reason})`}`;
}
