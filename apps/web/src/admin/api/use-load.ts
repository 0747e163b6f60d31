import { useCallback, useEffect, useRef, useState } from "react";

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: unknown;
  readonly loading: boolean;
  /** Loads again (keeps showing the last data meanwhile). */
  readonly reload: () => void;
}

/**
 * Runs `load` whenever `key` (what the load depends on, as text) changes, and on `reload`; a late
 * answer never replaces a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const latest = useRef(load);
  latest.current = load;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything the load depends on
  const run = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    latest.current().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError(failure);
        setLoading(false);
      },
    );
  }, [key]);
  useEffect(() => {
    run();
  }, [run]);
  return { data, error, loading, reload: run };
}
