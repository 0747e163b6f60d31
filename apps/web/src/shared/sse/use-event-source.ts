import { useEffect, useRef, useState } from "react";

export type StreamState = "connecting" | "open" | "lost";

/** Handlers by SSE event name; each gets the event's parsed JSON data. */
export type StreamHandlers = Readonly<Record<string, (data: unknown) => void>>;

const RETRY_MS = 1_000;

/**
 * Subscribes to a Server-Sent Events stream while `url` is set. The browser reconnects by
 * itself after a dropped connection; when the service refused the stream (an HTTP error closes
 * it for good) we open a new one. `onOpen` runs on every (re)connection, so the caller can
 * reload whatever it may have missed meanwhile.
 */
export function useEventSource(
  url: string | null,
  handlers: StreamHandlers,
  onOpen?: () => void,
): StreamState {
  const [state, setState] = useState<StreamState>("connecting");
  const handlersRef = useRef(handlers);
  const onOpenRef = useRef(onOpen);
  handlersRef.current = handlers;
  onOpenRef.current = onOpen;
  const eventNames = Object.keys(handlers).sort().join(",");

  useEffect(() => {
    if (url === null) return undefined;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const connect = () => {
      const current = new EventSource(url);
      source = current;
      current.onopen = () => {
        setState("open");
        onOpenRef.current?.();
      };
      current.onerror = () => {
        setState("lost");
        if (current.readyState === EventSource.CLOSED && !stopped) {
          current.close();
          retry = setTimeout(connect, RETRY_MS);
        }
      };
      for (const name of eventNames.split(",")) {
        if (name === "") continue;
        current.addEventListener(name, (event) => {
          let data: unknown;
          try {
            data = JSON.parse((event as MessageEvent<string>).data);
          } catch {
            return;
          }
          handlersRef.current[name]?.(data);
        });
      }
    };

    setState("connecting");
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [url, eventNames]);

  return state;
}
