import type { MessagesLike } from "../../shared/i18n/typed-text.js";

/** The day's figures at the counter. */
export const dayVi = {
  button: "Hôm nay",
  title: "Số liệu hôm nay",
  titleOf: "Số liệu ngày {{day}}",
  sales: "Bán hàng ({{bills}} hóa đơn)",
  refunds: "Hoàn tiền",
  revenue: "Doanh thu",
  here: "Tại quầy này ({{bills}} hóa đơn)",
  open: "Đơn đang mở ({{orders}})",
  byMethod: "Theo hình thức thanh toán",
  shift: "Ca đang mở",
  shiftFigures: "{{orders}} hóa đơn · {{revenue}} · tiền mặt dự kiến {{expected}}",
  noShift: "Chưa mở ca",
  partial:
    "Đang offline từ {{since}}: hóa đơn của quầy khác và điện thoại sau giờ đó có thể chưa về máy này (trừ khi qua máy chủ cửa hàng).",
  partialNever: "Đang offline: hóa đơn của quầy khác và điện thoại có thể chưa về máy này.",
  complete: "Đã gồm hóa đơn của mọi quầy và điện thoại đã đồng bộ.",
  previous: "Ngày trước",
  next: "Ngày sau",
} as const;

export const dayEn: MessagesLike<typeof dayVi> = {
  button: "Today",
  title: "Today's figures",
  titleOf: "Figures of {{day}}",
  sales: "Sales ({{bills}} bills)",
  refunds: "Refunds",
  revenue: "Revenue",
  here: "At this counter ({{bills}} bills)",
  open: "Open orders ({{orders}})",
  byMethod: "By payment method",
  shift: "Open shift",
  shiftFigures: "{{orders}} bills · {{revenue}} · expected cash {{expected}}",
  noShift: "No shift open",
  partial:
    "Offline since {{since}}: other counters' and phones' bills after that may not have reached this counter yet (unless through the shop's hub).",
  partialNever: "Offline: other counters' and phones' bills may not have reached this counter yet.",
  complete: "Includes every counter's and phone's bills that have synced.",
  previous: "Previous day",
  next: "Next day",
};
