/** A range of local days, both inclusive (YYYY-MM-DD). */
export interface DayRange {
  readonly from: string;
  readonly to: string;
}

export const PRESETS = ["today", "yesterday", "last7", "thisMonth", "lastMonth"] as const;
export type Preset = (typeof PRESETS)[number];

/** Today's date on the store's wall clock. */
export function localToday(timeZone: string, now: number = Date.now()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The days a preset covers, counted from `today`. */
export function presetRange(preset: Preset, today: string): DayRange {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "yesterday": {
      const yesterday = shiftDays(today, -1);
      return { from: yesterday, to: yesterday };
    }
    case "last7":
      return { from: shiftDays(today, -6), to: today };
    case "thisMonth":
      return { from: `${today.slice(0, 7)}-01`, to: today };
    case "lastMonth": {
      const lastDay = shiftDays(`${today.slice(0, 7)}-01`, -1);
      return { from: `${lastDay.slice(0, 7)}-01`, to: lastDay };
    }
  }
}

export function isValidRange(range: DayRange): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(range.from) && /^\d{4}-\d{2}-\d{2}$/.test(range.to) && range.from <= range.to
  );
}
