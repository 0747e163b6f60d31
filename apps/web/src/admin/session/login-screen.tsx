import { ServerLoginScreen } from "../../shared/session/server-login-screen.js";
import type { ServerSession } from "../../shared/session/server-session.js";
import type { AdminApi } from "../api/admin-api.js";
import { errorText } from "../api/error-text.js";
import { useText } from "../i18n/admin-text.js";

interface LoginScreenProps {
  readonly api: AdminApi;
  readonly onSignedIn: (session: ServerSession) => void;
}

/** The back office is for the owners and managers of at least one store. */
function runsAStore(session: ServerSession): boolean {
  return (session.user.role === "owner" || session.user.role === "manager") && session.stores.length > 0;
}

/** Sign-in for owners and managers; other roles are told this is not their app. */
export function LoginScreen({ api, onSignedIn }: LoginScreenProps) {
  const t = useText();
  return (
    <ServerLoginScreen
      login={api.login}
      admits={runsAStore}
      refusal={t("errors.notManager")}
      describeError={(error) => errorText(error, t)}
      text={t}
      languageLabel={t("common.language")}
      onSignedIn={onSignedIn}
    />
  );
}
