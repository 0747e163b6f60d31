import type { FormEvent, ReactNode } from "react";
import { TextField } from "../components/text-field.js";
import { LanguageToggle } from "../i18n/language-toggle.js";
import type { SignInForm } from "./use-sign-in-form.js";
import "./login-form.css";

/** The keys a sign-in form reads from its app's messages. */
export type LoginTextKey =
  | "login.title"
  | "login.username"
  | "login.password"
  | "login.submit"
  | "login.submitting";

interface LoginFormProps {
  readonly form: Pick<SignInForm<unknown>, "username" | "setUsername" | "password" | "setPassword" | "busy">;
  /** The app's `t`: every app words its own sign-in ("Đăng nhập thu ngân"). */
  readonly text: (key: LoginTextKey) => string;
  /** The language toggle's label ("English"). */
  readonly languageLabel: string;
  readonly onSubmit: () => void;
  /** Shown under the fields while there is one: why the last attempt failed. */
  readonly problem: ReactNode;
  /** Fields of the app's own after the password (the cashier's Online / Offline choice). */
  readonly children?: ReactNode;
  /** Whether the username field takes the focus first (the cashier's keyboard-first counter). */
  readonly autoFocusUsername?: boolean;
}

const CREDENTIALS = ["username", "password"] as const;

/** What the browser's password manager needs to fill each field in. */
const CREDENTIAL_INPUTS = {
  username: { autoComplete: "username", autoCapitalize: "none" },
  password: { type: "password", autoComplete: "current-password" },
} as const;

/**
 * The sign-in screen of the Quầy apps: brand, title, language, username and password. What
 * differs between the apps comes in as props; each app's stylesheet sizes the card.
 */
export function LoginForm({
  form,
  text,
  languageLabel,
  onSubmit,
  problem,
  children,
  autoFocusUsername = false,
}: LoginFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={submit} aria-busy={form.busy}>
        <div className="login-brand">
          <span className="login-logo" aria-hidden="true">
            ☕
          </span>
          <div>
            <strong>Quầy</strong>
            <h1>{text("login.title")}</h1>
          </div>
          <LanguageToggle label={languageLabel} />
        </div>
        {CREDENTIALS.map((credential) => (
          <TextField
            key={credential}
            label={text(`login.${credential}`)}
            name={credential}
            {...CREDENTIAL_INPUTS[credential]}
            value={form[credential]}
            onValue={credential === "username" ? form.setUsername : form.setPassword}
            required
            data-autofocus={credential === "username" && autoFocusUsername ? true : undefined}
          />
        ))}
        {children}
        {problem}
        <button type="submit" className="primary wide" disabled={form.busy}>
          {form.busy ? text("login.submitting") : text("login.submit")}
        </button>
      </form>
    </main>
  );
}
