import { serverSessionStorage } from "../shared/session/server-session.js";
import { SessionGate } from "../shared/session/session-gate.js";
import { createWaiterApi } from "./api/waiter-api.js";
import { takeArrivingPass } from "./handoff/arriving-pass.js";
import { PassSignIn } from "./session/pass-sign-in.js";
import { WaiterScreen } from "./waiter-screen.js";

const sessions = serverSessionStorage("quay.waiter.session");
/** A phone on a weak network: give up on a call soon and say so, rather than hang. */
const CALL_TIMEOUT_MS = 8_000;
// A phone handed over from the cloud app: the pass says who holds it now, whoever was signed in here.
if (takeArrivingPass() !== null) sessions.clear();

/** The waiter's phone app: sign-in, then the table map and ordering. */
export function App() {
  return (
    <SessionGate
      sessions={sessions}
      createApi={createWaiterApi}
      timeoutMs={CALL_TIMEOUT_MS}
      renderSignIn={(api, onSignedIn) => (
        <PassSignIn api={api} pass={takeArrivingPass()} onSignedIn={onSignedIn} />
      )}
      renderApp={(api, session, onLogout) => <WaiterScreen api={api} session={session} onLogout={onLogout} />}
    />
  );
}
