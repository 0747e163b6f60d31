import { useEffect, useRef, useState } from "react";
import type { ServerSession } from "../../shared/session/server-session.js";
import type { WaiterApi } from "../api/waiter-api.js";
import { forgetArrivingPass } from "../handoff/arriving-pass.js";
import { useText } from "../i18n/waiter-text.js";
import { LoginScreen } from "./login-screen.js";

interface PassSignInProps {
  readonly api: WaiterApi;
  /** The hub pass the phone arrived with (`takeArrivingPass`), or null. */
  readonly pass: string | null;
  readonly onSignedIn: (session: ServerSession) => void;
}

/**
 * At the shop's hub: signs in with the pass the cloud app handed over, without a word typed; a
 * missing or refused pass shows the normal login.
 */
export function PassSignIn({ api, pass, onSignedIn }: PassSignInProps) {
  const t = useText();
  const [trying, setTrying] = useState(pass !== null);
  const tried = useRef(false);

  useEffect(() => {
    if (pass === null || tried.current) return;
    tried.current = true;
    forgetArrivingPass();
    api.loginWithPass(pass).then(onSignedIn, () => setTrying(false));
  }, [api, pass, onSignedIn]);

  if (!trying) return <LoginScreen api={api} onSignedIn={onSignedIn} />;
  return (
    <p className="w-loading muted" data-testid="pass-signing-in">
      {t("connection.passSigningIn")}
    </p>
  );
}
