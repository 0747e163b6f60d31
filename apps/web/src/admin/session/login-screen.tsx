import { type FormEvent, useState } from "react";
import { LanguageToggle } from "../../shared/i18n/language-toggle.js";
import type { ServerSession } from "../../shared/session/server-session.js";
import type { AdminApi } from "../api/admin-api.js";
import { errorText } from "../api/error-text.js";
import { useText } from "../i18n/admin-text.js";

interface LoginScreenProps {
  readonly api: AdminApi;
  readonly onSignedIn: (session: ServerSession) => void;
}

/** Sign-in for owners and managers; other roles are told this is not their app. */
export function LoginScreen({ api, onSignedIn }: LoginScreenProps) {
  const t = useText();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const session = await api.login(username.trim(), password);
      if ((session.user.role === "owner" || session.user.role === "manager") && session.stores.length > 0) {
        onSignedIn(session);
        return;
      }
      setProblem(t("errors.notManager"));
    } catch (error) {
      setProblem(errorText(error, t));
    }
    setBusy(false);
  };

  return (
    <main className="a-login">
      <form className="a-login-card" onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <div className="a-login-brand">
          <span className="a-logo" aria-hidden="true">
            ☕
          </span>
          <div>
            <strong>Quầy</strong>
            <h1>{t("login.title")}</h1>
          </div>
          <LanguageToggle label={t("common.language")} />
        </div>
        <label className="field">
          <span>{t("login.username")}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
          />
        </label>
        <label className="field">
          <span>{t("login.password")}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </label>
        {problem === null ? null : (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? t("login.submitting") : t("login.submit")}
        </button>
      </form>
    </main>
  );
}
