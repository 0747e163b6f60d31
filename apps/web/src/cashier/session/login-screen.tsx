import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api/api-error.js";
import { LanguageToggle } from "../../shared/i18n/language-toggle.js";
import { errorText } from "../api/error-text.js";
import type { StationApi } from "../api/station-api.js";
import type { LoginMode, Session } from "../api/station-types.js";

interface LoginScreenProps {
  readonly api: StationApi;
  readonly onSignedIn: (session: Session) => void;
}

interface LoginProblem {
  readonly code: string;
  readonly message: string;
}

/** Sign-in with the seed product's Online (default) / Offline choice. */
export function LoginScreen({ api, onSignedIn }: LoginScreenProps) {
  const { t } = useTranslation();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [mode, setMode] = useState<LoginMode>("online");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<LoginProblem | null>(null);

  const signIn = async (chosenMode: LoginMode) => {
    setBusy(true);
    setProblem(null);
    try {
      onSignedIn(await api.login(username.trim(), password, chosenMode));
    } catch (error) {
      setProblem({ code: error instanceof ApiError ? error.code : "", message: errorText(error, t) });
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void signIn(mode);
  };

  const sellOffline = () => {
    setMode("offline");
    void signIn("offline");
  };

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={submit} aria-busy={busy}>
        <div className="login-brand">
          <span className="login-logo" aria-hidden="true">
            ☕
          </span>
          <div>
            <strong>Quầy</strong>
            <h1>{t("login.title")}</h1>
          </div>
          <LanguageToggle label={t("status.language")} />
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
            data-autofocus
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
        <fieldset className="segmented" aria-label={t("login.mode")}>
          <legend>{t("login.mode")}</legend>
          {(["online", "offline"] as const).map((option) => (
            <label key={option} className={mode === option ? "segment selected" : "segment"}>
              <input
                type="radio"
                name="mode"
                value={option}
                checked={mode === option}
                onChange={() => setMode(option)}
              />
              {option === "online" ? t("login.online") : t("login.offline")}
            </label>
          ))}
        </fieldset>
        <p className="muted small">{mode === "online" ? t("login.onlineHelp") : t("login.offlineHelp")}</p>
        {problem === null ? null : (
          <div className="login-problem" role="alert" data-code={problem.code}>
            <p>{problem.message}</p>
            {problem.code === "SERVER_UNREACHABLE" ? (
              <button type="button" className="primary offline-cta" onClick={sellOffline} disabled={busy}>
                {t("login.sellOffline")}
              </button>
            ) : null}
          </div>
        )}
        <button type="submit" className="primary wide" disabled={busy}>
          {busy ? t("login.submitting") : t("login.submit")}
        </button>
      </form>
    </main>
  );
}
