import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { createHttpClient } from "../shared/api/http-client.js";
import { currentLanguage } from "../shared/i18n/create-i18n.js";
import { type ServerSession, serverSessionStorage } from "../shared/session/server-session.js";
import { createAdminApi } from "./api/admin-api.js";
import { AdminShell } from "./layout/admin-shell.js";
import { LoginScreen } from "./session/login-screen.js";

const sessions = serverSessionStorage("quay.admin.session");

/** The back office: sign-in (owners and managers), then its pages. */
export function App() {
  const { i18n } = useTranslation();
  const [session, setSession] = useState<ServerSession | null>(sessions.load);
  const tokenRef = useRef<string | null>(session?.token ?? null);

  const endSession = useCallback(() => {
    tokenRef.current = null;
    sessions.clear();
    setSession(null);
  }, []);

  const api = useMemo(
    () =>
      createAdminApi(
        createHttpClient({
          getToken: () => tokenRef.current,
          getLanguage: () => currentLanguage(i18n),
          onUnauthenticated: endSession,
        }),
      ),
    [i18n, endSession],
  );

  const signIn = (started: ServerSession) => {
    tokenRef.current = started.token;
    sessions.save(started);
    setSession(started);
  };

  if (session === null) return <LoginScreen api={api} onSignedIn={signIn} />;
  return (
    <AdminShell api={api} session={session} onLogout={() => api.logout().then(endSession, endSession)} />
  );
}
