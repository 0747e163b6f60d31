import { FormError } from "../components/form-error.js";
import { LoginForm, type LoginTextKey } from "./login-form.js";
import type { ServerSession } from "./server-session.js";
import { useSignInForm } from "./use-sign-in-form.js";

interface ServerLoginScreenProps {
  /** `POST /api/login` on the server. */
  readonly login: (username: string, password: string) => Promise<ServerSession>;
  /** Whether this app is for the person signed in; when not, `refusal` is shown instead. */
  readonly admits: (session: ServerSession) => boolean;
  readonly refusal: string;
  /** The app's words for a failed call (the server's own message when it sent one). */
  readonly describeError: (error: unknown) => string;
  readonly text: (key: LoginTextKey) => string;
  readonly languageLabel: string;
  readonly onSignedIn: (session: ServerSession) => void;
}

/** Sign-in with the server for an app that is for some of its users (the waiter app, the back office). */
export function ServerLoginScreen({
  login,
  admits,
  refusal,
  describeError,
  text,
  languageLabel,
  onSignedIn,
}: ServerLoginScreenProps) {
  const form = useSignInForm(describeError);
  const signIn = () =>
    void form.submit(async ({ username, password }) => {
      const session = await login(username, password);
      if (!admits(session)) return refusal;
      onSignedIn(session);
      return null;
    });

  return (
    <LoginForm
      form={form}
      text={text}
      languageLabel={languageLabel}
      onSubmit={signIn}
      problem={<FormError problem={form.problem} />}
    />
  );
}
