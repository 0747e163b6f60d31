import { serverSessionStorage } from "../shared/session/server-session.js";
import { SessionGate } from "../shared/session/session-gate.js";
import { createWaiterApi } from "./api/waiter-api.js";
import { LoginScreen } from "./session/login-screen.js";
import { WaiterScreen } from "./waiter-screen.js";

const sessions = serverSessionStorage("quay.waiter.session");
/** A phone on a weak network: give up on a call soon and say so, rather than hang. */
const CALL_TIMEOUT_MS = 8_000;

/** The waiter's phone app: sign-in, then the table map and ordering. */
export function App() {
  return (
    <SessionGate
      sessions={sessions}
      createApi={createWaiterApi}
      timeoutMs={CALL_TIMEOUT_MS}
      renderSignIn={(api, onSignedIn) => <LoginScreen api={api} onSignedIn={onSignedIn} />}
      renderApp={(api, session, onLogout) => <WaiterScreen api={api} session={session} onLogout={onLogout} />}
    />
  );
}
