import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, STATION_UNREACHABLE } from "../../shared/api/api-error.js";
import type { StreamState } from "../../shared/sse/use-event-source.js";
import { errorText } from "../api/error-text.js";

interface Problem {
  readonly text: string;
  /** The call never reached the station: the problem is over once its stream is back. */
  readonly unreachable: boolean;
}

/**
 * The order screen's red toast: the last refusal or failure, until the cashier closes it or acts
 * again, and, when the station could not be reached, until the station's stream is open again.
 */
export function useProblem(stream: StreamState) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<Problem | null>(null);
  useEffect(() => {
    if (stream === "open") setProblem((current) => (current?.unreachable ? null : current));
  }, [stream]);
  const report = useCallback(
    (error: unknown) =>
      setProblem({
        text: errorText(error, t),
        unreachable: error instanceof ApiError && error.code === STATION_UNREACHABLE,
      }),
    [t],
  );
  const clear = useCallback(() => setProblem(null), []);
  return { problem: problem?.text ?? null, report, clear };
}
