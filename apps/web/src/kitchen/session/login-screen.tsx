import { ServerLoginScreen } from "../../shared/session/server-login-screen.js";
import type { ServerSession } from "../../shared/session/server-session.js";
import { errorText } from "../api/error-text.js";
import type { KitchenApi } from "../api/kitchen-api.js";
import { useText } from "../i18n/kitchen-text.js";

/** Anyone who works in the station's store may run the screen (the station checks `orders.write`). */
function worksHere(session: ServerSession): boolean {
  return session.stores.length > 0;
}

/** Sign-in with a staff member's username and password, checked by the station. */
export function LoginScreen({
  api,
  onSignedIn,
}: {
  readonly api: KitchenApi;
  readonly onSignedIn: (session: ServerSession) => void;
}) {
  const t = useText();
  return (
    <ServerLoginScreen
      login={api.login}
      admits={worksHere}
      refusal={t("errors.notStaff")}
      describeError={(error) => errorText(error, t)}
      text={t}
      languageLabel={t("common.language")}
      onSignedIn={onSignedIn}
    />
  );
}
