/** The kitchen screen's Vietnamese text: the reference language, every key lives here first. */
export const vi = {
  app: {
    title: "Quầy · Bếp / Bar",
  },
  common: {
    language: "English",
    logout: "Đăng xuất",
    retry: "Thử lại",
  },
  errors: {
    serverUnreachable: "Không kết nối được máy tính ở quầy.",
    generic: "Đã có lỗi xảy ra. Vui lòng thử lại.",
    notStaff: "Tài khoản này không dùng được màn hình bếp.",
  },
  login: {
    title: "Màn hình bếp / bar",
    username: "Tên đăng nhập",
    password: "Mật khẩu",
    submit: "Đăng nhập",
    submitting: "Đang đăng nhập…",
  },
  kitchen: {
    categories: "Màn hình này làm",
    allCategories: "Tất cả",
    empty: "Chưa có món nào chờ làm.",
    takeAway: "Mang về",
    order: "Đơn {{number}}",
    sentBy: "Gửi: {{names}}",
    done: "Xong",
    doneLine: "Chạm để báo xong {{name}}",
    waited: "{{minutes}}:{{seconds}}",
    waitedHours: "{{hours}} giờ {{minutes}} phút",
    offline: "Mất internet: màn hình vẫn chạy trong quán, món từ điện thoại qua mạng của quán.",
    lost: "Mất kết nối máy tính ở quầy. Đang kết nối lại…",
  },
};
