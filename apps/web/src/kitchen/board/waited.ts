/** From how many minutes a card turns amber, then red: a drink waiting that long needs someone. */
export const AMBER_AFTER_MINUTES = 10;
export const RED_AFTER_MINUTES = 20;

export type WaitLevel = "fresh" | "amber" | "red";

/** How long a card has waited, in whole seconds (never negative: the tablet's clock may be ahead). */
export function waitedSeconds(since: string, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(since)) / 1000));
}

export function waitLevel(seconds: number): WaitLevel {
  if (seconds >= RED_AFTER_MINUTES * 60) return "red";
  if (seconds >= AMBER_AFTER_MINUTES * 60) return "amber";
  return "fresh";
}

/** "4:05" under an hour, else hours and minutes: the parts the screen's text puts together. */
export function waitedParts(seconds: number) {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const underAnHour = {
    minutes: String(Math.floor(seconds / 60)),
    seconds: String(seconds % 60).padStart(2, "0"),
  };
  return hours === 0 ? { ...underAnHour, hours: null } : { hours: String(hours), minutes: String(minutes) };
}
