import { useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { createHttpClient } from "../shared/api/http-client.js";
import { currentLanguage } from "../shared/i18n/create-i18n.js";
import { type ServerSession, serverSessionStorage } from "../shared/session/server-session.js";
import { createWaiterApi } from "./api/waiter-api.js";
import { LoginScreen } from "./session/login-screen.js";
import { WaiterScreen } from "./waiter-screen.js";

const sessions = serverSessionStorage("quay.waiter.session");
/** A phone on a weak network: give up on a call soon and say so, rather than hang. */
const CALL_TIMEOUT_MS = 8_000;

/** The waiter's phone app: sign-in, then the table map and ordering. */
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
      createWaiterApi(
        createHttpClient({
          getToken: () => tokenRef.current,
          getLanguage: () => currentLanguage(i18n),
          onUnauthenticated: endSession,
          timeoutMs: CALL_TIMEOUT_MS,
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
    <WaiterScreen api={api} session={session} onLogout={() => api.logout().then(endSession, endSession)} />
  );
}
