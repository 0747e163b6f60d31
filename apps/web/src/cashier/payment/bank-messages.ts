// The counter's words for transfers the bank confirmed (issue 13, item 6).
export const bankVi = {
  received: "Đã nhận tiền",
  confirmedBy: "Ngân hàng đã xác nhận {{amount}}",
  reference: "Mã giao dịch {{ref}}",
  watching: "Khi có mạng, máy tự ghi nhận khi ngân hàng báo đã nhận tiền.",
  otherAmount: "Ngân hàng báo nhận {{amount}}, khác số tiền trên mã. Kiểm tra rồi xác nhận bằng tay.",
  receiptNotice: "Đã nhận tiền: ngân hàng xác nhận chuyển khoản {{amount}}",
};

export const bankEn: typeof bankVi = {
  received: "Money received",
  confirmedBy: "The bank confirmed {{amount}}",
  reference: "Transaction ref {{ref}}",
  watching: "Online, the payment is recorded by itself when the bank reports the money in.",
  otherAmount: "The bank reports {{amount}}, not the amount on the QR. Check, then confirm by hand.",
  receiptNotice: "Money received: the bank confirmed the transfer of {{amount}}",
};
