import { useState } from "react";
import { errorText, type RefusalTexts } from "../api/error-text.js";
import { useText } from "../i18n/admin-text.js";

/**
 * Runs one change against the server at a time, with its busy state and the server's refusal in
 * words (`refusals`: the page's own words for some of its codes).
 */
export function useAction(refusals?: RefusalTexts) {
  const t = useText();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (change: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setProblem(null);
    try {
      await change();
      return true;
    } catch (error) {
      setProblem(errorText(error, t, refusals));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, problem, run, clear: () => setProblem(null) };
}

export type Action = ReturnType<typeof useAction>;
