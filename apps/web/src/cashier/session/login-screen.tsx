import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../shared/api/api-error.js";
import { SegmentedChoice } from "../../shared/components/segmented-choice.js";
import { LoginForm } from "../../shared/session/login-form.js";
import { useSignInForm } from "../../shared/session/use-sign-in-form.js";
import { errorText } from "../api/error-text.js";
import type { StationApi } from "../api/station-api.js";
import type { LoginMode, Session } from "../api/station-types.js";
import "./login.css";

interface LoginScreenProps {
  readonly api: StationApi;
  readonly onSignedIn: (session: Session) => void;
}

interface LoginProblem {
  readonly code: string;
  readonly message: string;
}

const LOGIN_MODES: readonly LoginMode[] = ["online", "offline"];

/** Sign-in with the seed product's Online (default) / Offline choice. */
export function LoginScreen({ api, onSignedIn }: LoginScreenProps) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<LoginMode>("online");
  const form = useSignInForm<LoginProblem>((error) => ({
    code: error instanceof ApiError ? error.code : "",
    message: errorText(error, t),
  }));
  const { problem } = form;

  const signIn = (chosenMode: LoginMode) =>
    void form.submit(async ({ username, password }) => {
      onSignedIn(await api.login(username, password, chosenMode));
      return null;
    });

  const sellOffline = () => {
    setMode("offline");
    signIn("offline");
  };

  return (
    <LoginForm
      form={form}
      text={t}
      languageLabel={t("status.language")}
      onSubmit={() => signIn(mode)}
      autoFocusUsername
      problem={
        problem === null ? null : (
          <div className="login-problem" role="alert" data-code={problem.code}>
            <p>{problem.message}</p>
            {problem.code === "SERVER_UNREACHABLE" ? (
              <button
                type="button"
                className="primary offline-cta"
                onClick={sellOffline}
                disabled={form.busy}
              >
                {t("login.sellOffline")}
              </button>
            ) : null}
          </div>
        )
      }
    >
      <SegmentedChoice
        label={t("login.mode")}
        options={LOGIN_MODES}
        value={mode}
        onChange={setMode}
        optionLabel={(option) => (option === "online" ? t("login.online") : t("login.offline"))}
      />
      <p className="muted small">{mode === "online" ? t("login.onlineHelp") : t("login.offlineHelp")}</p>
    </LoginForm>
  );
}
