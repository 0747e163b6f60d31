import type { ErrorRegistry } from "@quay/service-kit";

/** The server's own error codes, beyond the common ones of `@quay/service-kit`. */
export const SERVER_ERRORS = {
  STORE_REQUIRED: {
    status: 400,
    vi: "Vui lòng chọn cửa hàng.",
    en: "Say which store: you work in more than one.",
  },
  MANAGER_PIN_INVALID: {
    status: 403,
    vi: "Mã PIN quản lý không đúng.",
    en: "The manager PIN is not valid.",
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
  ORDER_EMPTY: { status: 409, vi: "Đơn hàng chưa có món nào.", en: "The order has no lines yet." },
  UNAVAILABLE: {
    status: 503,
    vi: "Máy chủ tạm thời không sẵn sàng.",
    en: "The server is not available right now.",
  },
} as const satisfies ErrorRegistry;

export type ServerErrorCode = keyof typeof SERVER_ERRORS;
