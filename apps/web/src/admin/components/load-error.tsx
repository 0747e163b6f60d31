import { FormError } from "../../shared/components/form-error.js";
import { errorText } from "../api/error-text.js";
import { useText } from "../i18n/admin-text.js";

interface LoadErrorProps {
  /** What loading the page's data failed with; nothing is shown without it. */
  readonly error: unknown;
}

/** A page's data that could not be loaded, in the manager's words. */
export function LoadError({ error }: LoadErrorProps) {
  const t = useText();
  return <FormError problem={error ? errorText(error, t) : null} />;
}
