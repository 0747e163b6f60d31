import { AppError, type CommonErrorCode, type ErrorRegistry } from "@quay/service-kit";

/** The station's own error codes, beside service-kit's common ones. */
export const STATION_ERRORS = {
  SERVER_UNREACHABLE: {
    status: 503,
    vi: "Không kết nối được máy chủ. Chuyển sang bán hàng Offline?",
    en: "The server cannot be reached. Switch to offline selling?",
  },
  NOT_PROVISIONED: {
    status: 409,
    vi: "Máy bán hàng chưa từng đồng bộ. Vui lòng đăng nhập Online một lần trước.",
    en: "This station has never synced. Please log in online once first.",
  },
  ORDER_NOT_REFUSED: {
    status: 409,
    vi: "Đơn hàng này không bị máy chủ từ chối.",
    en: "The server has not refused this order.",
  },
  // A push a hub refuses from a spoke, worded as the server words the same refusals.
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
} as const satisfies ErrorRegistry;

/** Every code the station answers with: the common ones and its own. */
export type StationErrorCode = CommonErrorCode | keyof typeof STATION_ERRORS;

/** What the station throws to refuse a request; only the codes of its registry compile. */
export class StationError extends AppError<StationErrorCode> {
  override readonly name = "StationError";
}
