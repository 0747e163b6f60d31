import { useState } from "react";

export interface Credentials {
  /** Trimmed: a phone keyboard likes to add a space after a word. */
  readonly username: string;
  readonly password: string;
}

/**
 * A sign-in's outcome: null once signed in, or the refusal to show (a role the app is not for).
 * Errors are thrown, and described by the form.
 */
export type SignInAttempt<Problem> = (credentials: Credentials) => Promise<Problem | null>;

export interface SignInForm<Problem> {
  readonly username: string;
  readonly setUsername: (username: string) => void;
  readonly password: string;
  readonly setPassword: (password: string) => void;
  /** True while an attempt runs, and after one succeeds (the app replaces the form). */
  readonly busy: boolean;
  /** Why the last attempt failed, if it did. */
  readonly problem: Problem | null;
  /** Tries to sign in with what is typed now. */
  readonly submit: (attempt: SignInAttempt<Problem>) => Promise<void>;
}

/** The state of a sign-in form: the credentials typed, one attempt at a time, the last problem. */
export function useSignInForm<Problem>(describe: (error: unknown) => Problem): SignInForm<Problem> {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  const submit = async (attempt: SignInAttempt<Problem>) => {
    setBusy(true);
    setProblem(null);
    try {
      const refusal = await attempt({ username: username.trim(), password });
      if (refusal === null) return;
      setProblem(refusal);
    } catch (error) {
      setProblem(describe(error));
    }
    setBusy(false);
  };

  return { username, setUsername, password, setPassword, busy, problem, submit };
}
