import { AppError, type CommonErrorCode, type ErrorRegistry, PUSH_ERRORS } from "@quay/service-kit";

/** The server's own error codes, beyond the common ones of `@quay/service-kit`. */
export const SERVER_ERRORS = {
  ...PUSH_ERRORS,
  STORE_REQUIRED: {
    status: 400,
    vi: "Vui lòng chọn cửa hàng.",
    en: "Say which store: you work in more than one.",
  },
  ALREADY_EXISTS: { status: 409, vi: "Đã tồn tại.", en: "It already exists." },
  IN_USE: { status: 409, vi: "Đang được sử dụng, không thể xóa.", en: "It is in use and cannot be deleted." },
  UNKNOWN_CATEGORY: {
    status: 400,
    vi: "Nhóm món không thuộc cửa hàng này.",
    en: "A category given is not one of this store's.",
  },
  TOO_MANY_PRINTERS: {
    status: 409,
    vi: "Cửa hàng đã có đủ 50 máy in.",
    en: "The store already has 50 printers, the most it can have.",
  },
  // Bank notifications (docs/api.md, "Bank notifications").
  BANK_KEY_INVALID: {
    status: 401,
    vi: "Khóa API nhận thông báo ngân hàng không đúng hoặc đã được thay.",
    en: "The bank-notification API key is wrong or was replaced: send Authorization: Apikey <the store's key>.",
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
export class ServerError extends AppError<ServerErrorCode> {}
