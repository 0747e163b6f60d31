import { serverSessionStorage } from "../shared/session/server-session.js";
import { SessionGate } from "../shared/session/session-gate.js";
import { createKitchenApi } from "./api/kitchen-api.js";
import { KitchenScreen } from "./kitchen-screen.js";
import { LoginScreen } from "./session/login-screen.js";

const sessions = serverSessionStorage("quay.kitchen.session");

/** The kitchen and bar screen a station serves at `/kitchen/`: sign-in, then the cards. */
export function App() {
  return (
    <SessionGate
      sessions={sessions}
      createApi={createKitchenApi}
      timeoutMs={8_000}
      renderSignIn={(api, onSignedIn) => <LoginScreen api={api} onSignedIn={onSignedIn} />}
      renderApp={(api, session, onLogout) => (
        <KitchenScreen api={api} session={session} onLogout={onLogout} />
      )}
    />
  );
}
