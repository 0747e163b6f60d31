import { useCallback, useEffect, useRef, useState } from "react";
import type { StreamState } from "../../shared/sse/use-event-source.js";

export interface Connection {
  /** Whether the server answered last time we heard from it. */
  readonly online: boolean;
  /** A call could not reach the server: say so at once. */
  readonly reportUnreachable: () => void;
  /** A call was answered. */
  readonly reportReachable: () => void;
}

const PROBE_EVERY_MS = 5_000;
const PROBE_OFFLINE_EVERY_MS = 2_000;
const PROBE_TIMEOUT_MS = 3_000;

/**
 * Whether the phone can reach the server, from every clue there is: the browser's own offline
 * flag, the live event stream dropping, any call failing, and a light probe of `/healthz` (a
 * black-holed link shows no error until something is sent, so something is sent every few seconds).
 */
export function useConnection(stream: StreamState): Connection {
  const [online, setOnline] = useState(() => navigator.onLine);
  const onlineRef = useRef(online);
  onlineRef.current = online;

  const reportUnreachable = useCallback(() => setOnline(false), []);
  const reportReachable = useCallback(() => setOnline(true), []);

  useEffect(() => {
    if (stream === "lost") setOnline(false);
    if (stream === "open") setOnline(true);
  }, [stream]);

  useEffect(() => {
    const goOffline = () => setOnline(false);
    window.addEventListener("offline", goOffline);
    return () => window.removeEventListener("offline", goOffline);
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const probe = async () => {
      try {
        const response = await fetch("/healthz", {
          cache: "no-store",
          signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
        });
        if (!stopped) setOnline(response.ok);
      } catch {
        if (!stopped) setOnline(false);
      }
      if (!stopped) timer = setTimeout(probe, onlineRef.current ? PROBE_EVERY_MS : PROBE_OFFLINE_EVERY_MS);
    };
    timer = setTimeout(probe, PROBE_EVERY_MS);
    const wake = () => {
      clearTimeout(timer);
      void probe();
    };
    window.addEventListener("online", wake);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("online", wake);
    };
  }, []);

  return { online, reportUnreachable, reportReachable };
}
