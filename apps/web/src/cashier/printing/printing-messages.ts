/** The printing texts of the cashier app (its `printing` section), Vietnamese first. */
export const printingVi = {
  unreachable: "Máy in {{name}} không phản hồi — {{count}} phiếu đang chờ",
  unreachableNone: "Máy in {{name}} không phản hồi",
  heldButton: "{{count}} phiếu chờ in",
  heldTitle: "Phiếu chờ in",
  heldExplain:
    "Các phiếu này đã quá lâu khi đến lượt in (máy in mất kết nối lâu). In lại nếu bếp vẫn cần, hoặc bỏ qua.",
  heldEmpty: "Không còn phiếu nào chờ.",
  print: "In",
  dismiss: "Bỏ qua",
  close: "Đóng",
  takeAway: "Mang về",
  cancel: "HỦY",
  move: "Chuyển bàn",
  bill: "Phiếu tạm tính",
  receipt: "Hóa đơn",
  sentToPrinter: "Đã gửi tới máy in",
} as const;

export const printingEn: { readonly [K in keyof typeof printingVi]: string } = {
  unreachable: "Printer {{name}} is not answering — {{count}} tickets waiting",
  unreachableNone: "Printer {{name}} is not answering",
  heldButton: "{{count}} tickets held",
  heldTitle: "Held tickets",
  heldExplain:
    "These tickets were too old by the time their printer came back. Print them if the kitchen still needs them, or dismiss them.",
  heldEmpty: "No ticket is waiting.",
  print: "Print",
  dismiss: "Dismiss",
  close: "Close",
  takeAway: "Take-away",
  cancel: "CANCEL",
  move: "Table moved",
  bill: "Provisional bill",
  receipt: "Receipt",
  sentToPrinter: "Sent to the printer",
};
