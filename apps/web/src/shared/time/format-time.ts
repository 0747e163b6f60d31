const DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

function formatter(options: Intl.DateTimeFormatOptions, timeZone: string | undefined) {
  return new Intl.DateTimeFormat("vi-VN", { ...options, timeZone: timeZone ?? DEFAULT_TIME_ZONE });
}

/** `28/11/2026 14:05`, the way Vietnamese receipts print it. */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  const day = formatter({ day: "2-digit", month: "2-digit", year: "numeric" }, timeZone).format(date);
  return `${day} ${formatTime(iso, timeZone)}`;
}

/** `14:05`. */
export function formatTime(iso: string, timeZone?: string): string {
  return formatter({ hour: "2-digit", minute: "2-digit", hour12: false }, timeZone).format(new Date(iso));
}

/** Whole minutes from `since` to `now` (never negative: device clocks may differ a little). */
export function elapsedMinutes(since: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
}
