import { get, run, type Script } from "../sql-script.js";

/**
 * The secret session tokens are signed with, kept in the database so tokens stay valid across
 * restarts and across server instances. `fresh` is used only the first time.
 */
export function* tokenSecret(fresh: string): Script<string> {
  yield* run("INSERT INTO server_meta (key, value) VALUES ('token_secret', ?) ON CONFLICT (key) DO NOTHING", [
    fresh,
  ]);
  const row = yield* get<{ value: string }>("SELECT value FROM server_meta WHERE key = 'token_secret'");
  if (!row) throw new Error("token secret missing after insert");
  return row.value;
}
