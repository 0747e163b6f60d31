import { AppError, type CommonErrorCode, type ErrorRegistry } from "@quay/service-kit";

/** The server's own error codes, beyond the common ones of `@quay/service-kit`. */
export const SERVER_ERRORS = {
  STORE_REQUIRED: {
    status: 400,
    vi: "Vui lòng chọn cửa hàng.",
    en: "Say which store: you work in more than one.",
  },
  PROTOCOL_STATION_TOO_OLD: {
    status: 409,
    vi: "Phần mềm máy bán hàng đã cũ, máy chủ không còn hỗ trợ. Vui lòng cập nhật máy bán hàng.",
    en: "This station's software is too old for the server. Please update the station.",
  },
  PROTOCOL_SERVER_TOO_OLD: {
    status: 409,
    vi: "Máy chủ chưa hỗ trợ phiên bản máy bán hàng này. Vui lòng cập nhật máy chủ.",
    en: "The server is older than this station's software. Please update the server.",
  },
  ALREADY_EXISTS: { status: 409, vi: "Đã tồn tại.", en: "It already exists." },
  IN_USE: { status: 409, vi: "Đang được sử dụng, không thể xóa.", en: "It is in use and cannot be deleted." },
  ITEM_UNAVAILABLE: { status: 409, vi: "Món này đang tạm ngưng bán.", en: "This item is not on sale now." },
  MERGE_REFUSED: {
    status: 409,
    vi: "Không gộp được: đơn đã có thanh toán hoặc giảm giá, hoặc không còn mở.",
    en: "These orders cannot be merged: one is no longer open, or has payments or a discount.",
  },
  // A pushed op the server refuses for good (the station sets its order apart for a manager).
  OP_WRONG_DEVICE: {
    status: 403,
    vi: "Thao tác được gửi thay cho một máy khác.",
    en: "The op was pushed on behalf of another device.",
  },
  OP_USER_UNKNOWN: {
    status: 403,
    vi: "Người thực hiện thao tác không phải nhân viên đang làm việc của cửa hàng.",
    en: "The op's user is not an active member of the store's staff.",
  },
  OP_NOT_ALLOWED: {
    status: 403,
    vi: "Người thực hiện không có quyền làm thao tác này và không có quản lý duyệt.",
    en: "The op's user may not do this, and no manager approved it.",
  },
  OP_TIME_OUT_OF_RANGE: {
    status: 400,
    vi: "Thời gian của thao tác không hợp lệ: đồng hồ máy bán hàng có thể bị sai.",
    en: "The op's time is out of range: the station's clock may be wrong.",
  },
  OP_CONFLICT: {
    status: 409,
    vi: "Thao tác đã được gửi trước đó với nội dung khác.",
    en: "An op with this id was sent before with other content.",
  },
  NUMBER_TAKEN: {
    status: 409,
    vi: "Số hóa đơn đã được dùng cho một đơn khác.",
    en: "The invoice number is already used by another order.",
  },
  UNAVAILABLE: {
    status: 503,
    vi: "Máy chủ tạm thời không sẵn sàng.",
    en: "The server is not available right now.",
  },
} as const satisfies ErrorRegistry;

/** Every code the server answers with: the common ones and its own. */
export type ServerErrorCode = CommonErrorCode | keyof typeof SERVER_ERRORS;

/** What the server throws to refuse a request; only the codes of its registry compile. */
export class ServerError extends AppError<ServerErrorCode> {
  override readonly name = "ServerError";
}
