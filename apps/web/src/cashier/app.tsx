import { SessionGate } from "../shared/session/session-gate.js";
import { ApiContext } from "./api/api-context.js";
import { createStationApi } from "./api/station-api.js";
import { CashierScreen } from "./cashier-screen.js";
import { LoginScreen } from "./session/login-screen.js";
import { cashierSessions } from "./session/session-storage.js";

/** The cashier app: sign-in, then the counter screen. */
export function App() {
  return (
    <SessionGate
      sessions={cashierSessions}
      createApi={createStationApi}
      renderSignIn={(api, onSignedIn) => <LoginScreen api={api} onSignedIn={onSignedIn} />}
      renderApp={(api, session, onLogout) => (
        <ApiContext value={api}>
          <CashierScreen api={api} session={session} onLogout={onLogout} />
        </ApiContext>
      )}
    />
  );
}
