// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { HttpClient } from "../api/http-client.js";
import { createI18n } from "../i18n/create-i18n.js";
import { SessionGate } from "./session-gate.js";
import type { SessionStore } from "./session-store.js";

interface TestSession {
  readonly token: string;
  readonly name: string;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function memoryStore(initial: TestSession | null = null) {
  let kept = initial;
  const store: SessionStore<TestSession> = {
    load: () => kept,
    save: (session) => {
      kept = session;
    },
    clear: () => {
      kept = null;
    },
  };
  return { store, kept: () => kept };
}

const createApi = (http: HttpClient) => ({
  me: () => http.get<unknown>("/api/me"),
  logout: () => http.post<unknown>("/api/logout"),
});

/** Answers every call with `status` and remembers the Authorization header it was sent. */
function stubFetch(status: number, body: unknown = {}) {
  const sent: (string | null)[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn((_url: string, init: RequestInit) => {
      sent.push(new Headers(init.headers).get("Authorization"));
      return Promise.resolve(new Response(JSON.stringify(body), { status }));
    }),
  );
  return sent;
}

function renderGate(sessions: SessionStore<TestSession>) {
  render(
    <I18nextProvider i18n={createI18n({})}>
      <SessionGate
        sessions={sessions}
        createApi={createApi}
        renderSignIn={(_api, onSignedIn) => (
          <button type="button" onClick={() => onSignedIn({ token: "t1", name: "Lan" })}>
            sign in
          </button>
        )}
        renderApp={(api, session, onLogout) => (
          <>
            <p>hello {session.name}</p>
            <button type="button" onClick={() => void api.me().catch(() => undefined)}>
              call
            </button>
            <button type="button" onClick={onLogout}>
              logout
            </button>
          </>
        )}
      />
    </I18nextProvider>,
  );
}

const click = (name: string) =>
  act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });

describe("session gate", () => {
  it("signs in, keeps the session and sends its token with every call", async () => {
    const memory = memoryStore();
    const sent = stubFetch(200);
    renderGate(memory.store);
    await click("sign in");
    expect(screen.getByText("hello Lan")).toBeTruthy();
    expect(memory.kept()?.token).toBe("t1");
    await click("call");
    expect(sent).toEqual(["Bearer t1"]);
  });

  it("opens on the kept session and ends it on logout", async () => {
    const memory = memoryStore({ token: "t0", name: "Huy" });
    const sent = stubFetch(200);
    renderGate(memory.store);
    expect(screen.getByText("hello Huy")).toBeTruthy();
    await click("logout");
    expect(sent).toEqual(["Bearer t0"]);
    expect(memory.kept()).toBeNull();
    expect(screen.getByRole("button", { name: "sign in" })).toBeTruthy();
  });

  it("ends the session as soon as the service says it is no longer valid", async () => {
    const memory = memoryStore({ token: "old", name: "Huy" });
    stubFetch(401, { error: { code: "UNAUTHENTICATED", message: "" } });
    renderGate(memory.store);
    await click("call");
    expect(memory.kept()).toBeNull();
    expect(screen.getByRole("button", { name: "sign in" })).toBeTruthy();
  });
});
