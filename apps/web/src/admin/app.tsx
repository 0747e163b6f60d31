import { serverSessionStorage } from "../shared/session/server-session.js";
import { SessionGate } from "../shared/session/session-gate.js";
import { createAdminApi } from "./api/admin-api.js";
import { AdminShell } from "./layout/admin-shell.js";
import { LoginScreen } from "./session/login-screen.js";

const sessions = serverSessionStorage("quay.admin.session");

/** The back office: sign-in (owners and managers), then its pages. */
export function App() {
  return (
    <SessionGate
      sessions={sessions}
      createApi={createAdminApi}
      renderSignIn={(api, onSignedIn) => <LoginScreen api={api} onSignedIn={onSignedIn} />}
      renderApp={(api, session, onLogout) => <AdminShell api={api} session={session} onLogout={onLogout} />}
    />
  );
}
