import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { createHttpClient } from "../shared/api/http-client.js";
import { currentLanguage } from "../shared/i18n/create-i18n.js";
import { ApiContext } from "./api/api-context.js";
import { createStationApi } from "./api/station-api.js";
import type { Session } from "./api/station-types.js";
import { CashierScreen } from "./cashier-screen.js";
import { LoginScreen } from "./session/login-screen.js";
import { clearSession, loadSession, saveSession } from "./session/session-storage.js";

/** The cashier app: sign-in, then the counter screen. */
export function App() {
  const { i18n } = useTranslation();
  const [session, setSession] = useState<Session | null>(loadSession);
  const tokenRef = useRef<string | null>(session?.token ?? null);

  const endSession = useCallback(() => {
    tokenRef.current = null;
    clearSession();
    setSession(null);
  }, []);

  const api = useMemo(
    () =>
      createStationApi(
        createHttpClient({
          getToken: () => tokenRef.current,
          getLanguage: () => currentLanguage(i18n),
          onUnauthenticated: endSession,
        }),
      ),
    [i18n, endSession],
  );

  const signIn = (started: Session) => {
    tokenRef.current = started.token;
    saveSession(started);
    setSession(started);
  };

  const logout = () => {
    api.logout().then(endSession, endSession);
  };

  return (
    <ApiContext value={api}>
      {session === null ? (
        <LoginScreen api={api} onSignedIn={signIn} />
      ) : (
        <CashierScreen api={api} session={session} onLogout={logout} />
      )}
    </ApiContext>
  );
}
