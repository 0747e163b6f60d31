import { AppError, type CommonErrorCode, type ErrorRegistry, PUSH_ERRORS } from "@quay/service-kit";

/** The station's own error codes, beside service-kit's common ones. */
export const STATION_ERRORS = {
  ...PUSH_ERRORS,
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
  HUB_PASS_REFUSED: {
    status: 401,
    vi: "Không vào được bằng phiên từ ứng dụng trên mạng. Vui lòng đăng nhập bằng mật khẩu.",
    en: "The pass from the cloud app is not valid here. Please sign in with your password.",
  },
  ORDER_NOT_REFUSED: {
    status: 409,
    vi: "Đơn hàng này không bị máy chủ từ chối.",
    en: "The server has not refused this order.",
  },
  TICKET_NOT_HELD: {
    status: 409,
    vi: "Phiếu này không còn chờ xử lý (đã in hoặc đã bỏ qua).",
    en: "This ticket is no longer held (printed or dismissed already).",
  },
  PRINTER_NOT_ACTIVE: {
    status: 409,
    vi: "Máy in của phiếu này đang tạm dừng hoặc đã bị xóa. Bật lại máy in trong trang quản lý, hoặc bỏ qua phiếu.",
    en: "This ticket's printer is paused or removed. Turn it back on in the back office, or dismiss the ticket.",
  },
  NO_RECEIPT_PRINTER: {
    status: 409,
    vi: "Cửa hàng chưa bật in hóa đơn qua máy in. Hãy in từ trình duyệt.",
    en: "The store does not print bills and receipts on a printer. Print from the browser.",
  },
  SHIFT_REQUIRED: {
    status: 409,
    vi: "Chưa mở ca: vui lòng mở ca (nhập tiền đầu ca) trước khi thu tiền.",
    en: "No shift is open: open a shift (with the opening cash) before taking payments.",
  },
  SHIFT_ALREADY_OPEN: {
    status: 409,
    vi: "Quầy này đang có ca mở. Hãy kết ca trước khi mở ca mới.",
    en: "A shift is already open at this counter. Close it before opening another.",
  },
  SHIFT_NOT_OPEN: {
    status: 409,
    vi: "Quầy này chưa mở ca.",
    en: "No shift is open at this counter.",
  },
  INVALID_COUNT: {
    status: 400,
    vi: "Số tờ tiền không hợp lệ: mỗi mệnh giá từ 500.000 đến 1.000 ₫, số tờ là số nguyên không âm.",
    en: "The count is not valid: notes of 500,000 to 1,000 ₫, each a whole number of notes.",
  },
  CASH_OUT_EXCEEDS_DRAWER: {
    status: 409,
    vi: "Số tiền chi lớn hơn tiền mặt đang có trong két.",
    en: "That is more cash than the drawer holds.",
  },
} as const satisfies ErrorRegistry;

/** Every code the station answers with: the common ones and its own. */
export type StationErrorCode = CommonErrorCode | keyof typeof STATION_ERRORS;

/** What the station throws to refuse a request; only the codes of its registry compile. */
export class StationError extends AppError<StationErrorCode> {}
