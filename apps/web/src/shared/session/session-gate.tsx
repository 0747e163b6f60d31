import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { createHttpClient, type HttpClient } from "../api/http-client.js";
import { currentLanguage } from "../i18n/create-i18n.js";
import type { SessionStore } from "./session-store.js";

/** An API the gate can sign out of. */
interface SessionApi {
  logout(): Promise<unknown>;
}

interface SessionGateProps<S extends { readonly token: string }, A extends SessionApi> {
  /** Where the session is kept between visits; a module-level constant. */
  readonly sessions: SessionStore<S>;
  /** Builds the app's API on a client that sends the session's token; a module-level function. */
  readonly createApi: (http: HttpClient) => A;
  /** How long a call may take before it is given up (the client's default unless set). */
  readonly timeoutMs?: number;
  /** The sign-in screen, shown while nobody is signed in. */
  readonly renderSignIn: (api: A, onSignedIn: (session: S) => void) => ReactNode;
  /** The app itself, for the signed-in session. */
  readonly renderApp: (api: A, session: S, onLogout: () => void) => ReactNode;
}

/**
 * Shows the sign-in screen or the app. The session survives a reload (`sessions`), every call
 * carries its token and the UI language, and the session ends on logout or as soon as the service
 * answers that it is no longer valid (401 UNAUTHENTICATED).
 */
export function SessionGate<S extends { readonly token: string }, A extends SessionApi>({
  sessions,
  createApi,
  timeoutMs,
  renderSignIn,
  renderApp,
}: SessionGateProps<S, A>) {
  const { i18n } = useTranslation();
  const [session, setSession] = useState<S | null>(() => sessions.load());
  // The client reads the token on every call: a ref, so the API object outlives sign-in and sign-out.
  const tokenRef = useRef<string | null>(session?.token ?? null);

  const endSession = useCallback(() => {
    tokenRef.current = null;
    sessions.clear();
    setSession(null);
  }, [sessions]);

  const api = useMemo(
    () =>
      createApi(
        createHttpClient({
          getToken: () => tokenRef.current,
          getLanguage: () => currentLanguage(i18n),
          onUnauthenticated: endSession,
          ...(timeoutMs === undefined ? {} : { timeoutMs }),
        }),
      ),
    [createApi, i18n, endSession, timeoutMs],
  );

  const signIn = (started: S) => {
    tokenRef.current = started.token;
    sessions.save(started);
    setSession(started);
  };

  const logout = () => {
    api.logout().then(endSession, endSession);
  };

  return session === null ? renderSignIn(api, signIn) : renderApp(api, session, logout);
}
