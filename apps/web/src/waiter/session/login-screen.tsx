import { ServerLoginScreen } from "../../shared/session/server-login-screen.js";
import type { ServerSession } from "../../shared/session/server-session.js";
import { errorText } from "../api/error-text.js";
import type { WaiterApi } from "../api/waiter-api.js";
import { useText } from "../i18n/waiter-text.js";

interface LoginScreenProps {
  readonly api: WaiterApi;
  readonly onSignedIn: (session: ServerSession) => void;
}

/** Anyone who works in a store may take orders on the phone. */
function worksInAStore(session: ServerSession): boolean {
  return session.stores.length > 0;
}

/** Sign-in with the waiter's username and password, checked by the server. */
export function LoginScreen({ api, onSignedIn }: LoginScreenProps) {
  const t = useText();
  return (
    <ServerLoginScreen
      login={api.login}
      admits={worksInAStore}
      refusal={t("errors.notWaiter")}
      describeError={(error) => errorText(error, t)}
      text={t}
      languageLabel={t("common.language")}
      onSignedIn={onSignedIn}
    />
  );
}
