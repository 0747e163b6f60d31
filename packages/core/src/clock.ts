/** The time source the core is given; nothing in `core` reads the real clock itself. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

/** A clock that only moves when told to: for tests and deterministic replays. */
export function fixedClock(startMs: number): Clock & { advance(ms: number): void; set(ms: number): void } {
  let current = startMs;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}

/** Converts a clock reading to the ISO-8601 form (with milliseconds) used on the wire. */
export function isoAt(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
