/** Where an app keeps its signed-in session between visits (localStorage; the cashier adds a cookie). */
export interface SessionStore<S> {
  /** The session kept from the last sign-in on this browser, unless it has expired. */
  load(): S | null;
  save(session: S): void;
  clear(): void;
}
