import type { DiscountReason } from "@quay/core";
import type { MessagesLike } from "../i18n/typed-text.js";

/** Discounts on the bill and on a line, in the cashier's and the waiter's apps alike. */
export const discountVi = {
  button: "Giảm giá",
  title: "Giảm giá",
  target: "Giảm cho",
  bill: "Cả hóa đơn",
  kind: "Kiểu giảm",
  percent: "Theo %",
  amount: "Theo tiền",
  percentValue: "Phần trăm",
  amountValue: "Số tiền giảm",
  takesOff: "Giảm",
  of: "trên",
  reason: "Lý do",
  reasons: {
    regular: "Khách quen",
    promotion: "Khuyến mãi",
    staff: "Nhân viên",
    fault: "Món lỗi / phục vụ chậm",
    other: "Khác",
  } satisfies Record<DiscountReason, string>,
  overLimit: "Vượt mức {{limit}}% được giảm: cần quản lý xác nhận bằng mã PIN.",
  pin: "Mã PIN quản lý",
  confirm: "Áp dụng",
  remove: "Bỏ giảm giá",
} as const;

export const discountEn: MessagesLike<typeof discountVi> = {
  button: "Discount",
  title: "Discount",
  target: "Discount on",
  bill: "The whole bill",
  kind: "Kind",
  percent: "In %",
  amount: "In đồng",
  percentValue: "Percent",
  amountValue: "Amount off",
  takesOff: "Takes",
  of: "off",
  reason: "Reason",
  reasons: {
    regular: "Regular customer",
    promotion: "Promotion",
    staff: "Staff",
    fault: "Faulty item / slow service",
    other: "Other",
  },
  overLimit: "Above the {{limit}}% you may give: a manager's PIN is needed.",
  pin: "Manager's PIN",
  confirm: "Apply",
  remove: "Remove discount",
};
