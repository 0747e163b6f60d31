import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorText } from "../api/error-text.js";

/**
 * One call to the station at a time from a dialog: `busy` while it runs, and the station's
 * refusal in the cashier's words (`error`) when it fails, kept until the next try.
 */
export function useSending() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (call: () => Promise<unknown>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, send };
}
