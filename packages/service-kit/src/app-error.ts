import type { ChangeRefusalCode } from "@quay/core";

/** What a person reads for one error code, in both languages. */
export interface ErrorText {
  readonly vi: string;
  readonly en: string;
}

/** How one error code answers: its HTTP status and its message in both languages. */
export interface ErrorDefinition extends ErrorText {
  readonly status: number;
}

export type ErrorRegistry<Code extends string = string> = Readonly<Record<Code, ErrorDefinition>>;

export interface AppErrorOptions extends ErrorSubject {
  /**
   * Whole seconds until the caller may try again: the answer carries them as `Retry-After` and
   * its message ends by saying when (`tryAgainText`).
   */
  readonly retryAfterSeconds?: number;
}

/**
 * An error that travels to the client as `{ error: { code, message } }`; the service's error
 * handler looks its code up in the service's registry. Abstract, so that no string becomes a code
 * by being thrown: each service throws its own subclass, whose codes are its registry's keys
 * (`class ServerError extends AppError<ServerErrorCode> {}`), and a typo does not compile.
 */
export abstract class AppError<Code extends string = string> extends Error {
  /** The subclass's own name (`ServerError`, `StationError`), as logs and stack traces show it. */
  override readonly name: string = this.constructor.name;
  readonly retryAfterSeconds: number | undefined;
  /** What the refusal is about, answered beside the code: the order or op a push was refused for. */
  readonly about: ErrorSubject;
  constructor(
    readonly code: Code,
    /** Extra detail for the logs only; never shown to clients. */
    detail?: string,
    options: AppErrorOptions = {},
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.retryAfterSeconds = options.retryAfterSeconds;
    const { orderId, opId } = options;
    this.about = { ...(orderId === undefined ? {} : { orderId }), ...(opId === undefined ? {} : { opId }) };
  }
}

/** The ids an error answer may name (see `ErrorBody` in protocol). */
export interface ErrorSubject {
  readonly orderId?: string;
  readonly opId?: string;
}

/** "Thử lại sau 15 phút." / "Try again in 15 minutes.": seconds under a minute, else whole minutes, rounded up. */
export function tryAgainText(seconds: number): ErrorText {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return { vi: `Thử lại sau ${whole} giây.`, en: `Try again in ${plural(whole, "second")}.` };
  const minutes = Math.ceil(whole / 60);
  return { vi: `Thử lại sau ${minutes} phút.`, en: `Try again in ${plural(minutes, "minute")}.` };
}

const plural = (count: number, unit: string) => `${count} ${unit}${count === 1 ? "" : "s"}`;

/** The core's order rules (`OrderRuleError` reasons) as both services answer them: one per rule. */
const ORDER_RULE_ERRORS = {
  INVALID_QUANTITY: { status: 400, vi: "Số lượng phải từ 1 đến 9.999.", en: "Quantity must be 1 to 9,999." },
  INVALID_AMOUNT: { status: 400, vi: "Số tiền không hợp lệ.", en: "The amount is not valid." },
  REASON_REQUIRED: { status: 400, vi: "Vui lòng nhập lý do.", en: "A reason is required." },
  LINE_NOT_FOUND: { status: 404, vi: "Không tìm thấy món trong đơn.", en: "No such line on this order." },
  ORDER_NOT_OPEN: { status: 409, vi: "Đơn hàng chưa được mở.", en: "The order is not open." },
  ORDER_ALREADY_OPEN: { status: 409, vi: "Đơn hàng đã được mở.", en: "The order is already open." },
  ORDER_PAID: { status: 409, vi: "Đơn hàng đã thanh toán.", en: "The order is already paid." },
  ORDER_VOID: { status: 409, vi: "Đơn hàng đã bị hủy.", en: "The order has been voided." },
  LINE_EXISTS: { status: 409, vi: "Món này đã có trong đơn.", en: "This line is already on the order." },
  PAYMENT_EXISTS: {
    status: 409,
    vi: "Khoản thanh toán đã được ghi.",
    en: "This payment is already recorded.",
  },
  NOT_FULLY_PAID: {
    status: 409,
    vi: "Đơn hàng chưa được thanh toán đủ.",
    en: "The order is not fully paid.",
  },
  ORDER_EMPTY: { status: 409, vi: "Đơn hàng chưa có món nào.", en: "The order has no lines yet." },
  PAYMENT_EXCEEDS_DUE: {
    status: 409,
    vi: "Chỉ tiền mặt mới được trả nhiều hơn số còn phải trả.",
    en: "Only cash may be tendered above what is due.",
  },
  CHANGE_TOO_LARGE: {
    status: 409,
    vi: "Tiền thối quá lớn: vui lòng kiểm tra lại số tiền khách đưa.",
    en: "That leaves too much change: check the amount tendered.",
  },
  ORDER_NOT_PAID: {
    status: 409,
    vi: "Chỉ hoàn tiền được hóa đơn đã thanh toán.",
    en: "Only a paid bill can be refunded.",
  },
  REFUND_EXISTS: {
    status: 409,
    vi: "Khoản hoàn tiền này đã được ghi.",
    en: "This refund is already recorded.",
  },
  REFUND_EXCEEDS_PAID: {
    status: 409,
    vi: "Số tiền hoàn vượt quá số còn có thể hoàn của hóa đơn.",
    en: "The refund is more than what is left to refund on this bill.",
  },
  REFUND_EXCEEDS_LINES: {
    status: 409,
    vi: "Số tiền hoàn vượt quá giá trị các món đã chọn.",
    en: "The refund is more than the chosen lines cost.",
  },
  /** An item marked sold out ("hết món") at a counter or in the back office: the same answer everywhere. */
  ITEM_SOLD_OUT: { status: 409, vi: "Món này đã hết.", en: "This item is sold out." },
  MERGE_REFUSED: {
    status: 409,
    vi: "Không gộp được: đơn đã có thanh toán hoặc giảm giá, hoặc không còn mở.",
    en: "These orders cannot be merged: one is no longer open, or has payments or a discount.",
  },
  // Split at the counter (issue 13, split).
  SPLIT_REFUSED: {
    status: 409,
    vi: "Không tách được: đơn đã có thanh toán hoặc giảm giá, không còn mở, hoặc không còn món nào ở lại.",
    en: "This bill cannot be split: it is no longer open, has payments or a discount, or nothing would stay on it.",
  },
  SPLIT_INVALID: {
    status: 422,
    vi: "Không thể tách món sang chính đơn này.",
    en: "A line cannot be split onto its own order.",
  },
  PART_INVALID: {
    status: 422,
    vi: "Phần chia không hợp lệ: chia từ 2 đến 10 phần, như các phần đã trả.",
    en: "Invalid part: a bill splits into 2 to 10 parts, as many as the parts already paid.",
  },
  PART_PAID: {
    status: 409,
    vi: "Phần này đã được thanh toán.",
    en: "This part is already paid.",
  },
  // Options (issue 13, item 1).
  INVALID_OPTIONS: {
    status: 400,
    vi: "Lựa chọn món không hợp lệ.",
    en: "The options chosen are not valid.",
  },
  LINE_SENT: {
    status: 409,
    vi: "Món đã gửi bếp: không sửa được ghi chú hay tùy chọn nữa.",
    en: "This line has gone to the kitchen: its note and options can no longer change.",
  },
} as const satisfies Record<
  Exclude<ChangeRefusalCode, "FORBIDDEN" | "MANAGER_PIN_REQUIRED">,
  ErrorDefinition
>;

/**
 * The refusals of a sync push, by the cloud or by a shop's hub (a station's spokes push to it as
 * to the cloud): pushed ops the receiver refuses for good, the pushing station sets their order
 * apart for a manager; a push that overtook the one sent before it, sent again; and a station
 * outside the accepted protocol range.
 */
export const PUSH_ERRORS = {
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
  PUSH_OUT_OF_ORDER: {
    status: 409,
    vi: "Lô dữ liệu đến trước lô được gửi trước nó; máy bán hàng sẽ gửi lại.",
    en: "This push arrived before the one sent ahead of it; the station sends it again.",
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

/** The codes both services answer with (docs/api.md, "Errors"), in Vietnamese and English. */
export const COMMON_ERRORS = {
  VALIDATION_FAILED: { status: 400, vi: "Dữ liệu không hợp lệ.", en: "The request is not valid." },
  UNAUTHENTICATED: { status: 401, vi: "Vui lòng đăng nhập.", en: "Please log in." },
  BAD_CREDENTIALS: {
    status: 401,
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong username or password.",
  },
  FORBIDDEN: { status: 403, vi: "Bạn không có quyền thực hiện thao tác này.", en: "You may not do this." },
  // Voids, reductions and discounts approved with a manager's PIN, at the counter or on the server.
  MANAGER_PIN_REQUIRED: {
    status: 403,
    vi: "Cần mã PIN của quản lý để thực hiện thao tác này.",
    en: "A manager's PIN is required for this.",
  },
  MANAGER_PIN_INVALID: { status: 403, vi: "Mã PIN quản lý không đúng.", en: "Wrong manager PIN." },
  // Passwords and manager PINs tried too often (docs/security.md, "Throttling"); the answer's
  // message goes on to say when to try again, and `Retry-After` gives the seconds.
  TOO_MANY_ATTEMPTS: {
    status: 429,
    vi: "Bạn đã nhập sai quá nhiều lần.",
    en: "Too many failed attempts.",
  },
  NOT_FOUND: { status: 404, vi: "Không tìm thấy.", en: "Not found." },
  /** An item of the menu that is off sale: the same answer at the counter and in the cloud. */
  ITEM_UNAVAILABLE: { status: 409, vi: "Món này đang tạm ngưng bán.", en: "This item is not on sale now." },
  // Options chosen against the item's groups (core's `chooseOptions`), at the counter and in the cloud.
  OPTION_REQUIRED: {
    status: 400,
    vi: "Vui lòng chọn đủ tùy chọn bắt buộc (ví dụ size).",
    en: "Choose the required options (the size, say).",
  },
  TOO_MANY_OPTIONS: {
    status: 400,
    vi: "Chọn quá số tùy chọn cho phép.",
    en: "More options chosen than the group allows.",
  },
  OPTION_NOT_FOUND: {
    status: 400,
    vi: "Tùy chọn không có cho món này.",
    en: "That option is not offered with this item.",
  },
  REQUEST_TIMEOUT: {
    status: 408,
    vi: "Dữ liệu gửi lên quá chậm. Vui lòng thử lại.",
    en: "The request took too long to arrive. Please try again.",
  },
  BODY_TOO_LARGE: { status: 413, vi: "Dữ liệu gửi lên quá lớn.", en: "The request body is too large." },
  URI_TOO_LONG: { status: 414, vi: "Địa chỉ yêu cầu quá dài.", en: "The request address is too long." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: "Chỉ nhận dữ liệu JSON.", en: "Only JSON is accepted." },
  HEADERS_TOO_LARGE: {
    status: 431,
    vi: "Phần đầu yêu cầu quá lớn.",
    en: "The request headers are too large.",
  },
  INTERNAL: {
    status: 500,
    vi: "Đã có lỗi xảy ra. Vui lòng thử lại.",
    en: "Something went wrong. Please try again.",
  },
  ...ORDER_RULE_ERRORS,
} as const satisfies ErrorRegistry;

export type CommonErrorCode = keyof typeof COMMON_ERRORS;
