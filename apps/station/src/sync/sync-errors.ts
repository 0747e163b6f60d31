import type { SyncErrorCode } from "@quay/protocol";
import type { ErrorText } from "@quay/service-kit";

/**
 * What each code the sync engine leaves in `sync.error` means to a cashier, in both languages.
 * The cashier app words them the same (its `syncErrors` texts); a code the server refused with
 * reads as SYNC_FAILED there.
 */
export const SYNC_ERRORS = {
  SERVER_UNREACHABLE: {
    vi: "Không kết nối được máy chủ. Dữ liệu vẫn an toàn trên máy này.",
    en: "Cannot reach the server. The data is safe on this PC.",
  },
  DEVICE_REJECTED: {
    vi: "Máy bán hàng không còn được máy chủ chấp nhận. Chủ quán hoặc quản lý cần đăng nhập Online lại.",
    en: "The server no longer accepts this station. An owner or a manager must log in online again.",
  },
  SYNC_FAILED: {
    vi: "Đồng bộ bị gián đoạn. Dữ liệu vẫn an toàn trên máy này.",
    en: "The sync was interrupted. The data is safe on this PC.",
  },
  SYNC_NOTHING_HELD: {
    vi: "Máy chủ chưa nhận dữ liệu gửi lên. Dữ liệu vẫn an toàn trên máy này.",
    en: "The server did not take the data sent. The data is safe on this PC.",
  },
  UNREADABLE: {
    vi: "Không đọc được câu trả lời của máy chủ. Dữ liệu vẫn an toàn trên máy này.",
    en: "The server's answer could not be read. The data is safe on this PC.",
  },
  UNKNOWN: {
    vi: "Máy chủ từ chối mà không nêu lý do. Dữ liệu vẫn an toàn trên máy này.",
    en: "The server refused without saying why. The data is safe on this PC.",
  },
  ORDER_REFUSED: {
    vi: "Máy chủ từ chối một đơn: đơn này cần quản lý xem. Các đơn khác vẫn được đồng bộ.",
    en: "The server refused one order: a manager needs to look at it. The other orders still sync.",
  },
  PROTOCOL_STATION_TOO_OLD: {
    vi: "Phần mềm máy bán hàng đã cũ, vui lòng cập nhật; vẫn bán hàng bình thường.",
    en: "The station's software is out of date, please update it; selling goes on as usual.",
  },
  PROTOCOL_SERVER_TOO_OLD: {
    vi: "Phần mềm máy chủ đã cũ, vui lòng báo quản lý cập nhật; vẫn bán hàng bình thường.",
    en: "The server's software is out of date, please ask a manager to update it; selling goes on as usual.",
  },
} as const satisfies Record<SyncErrorCode, ErrorText>;
