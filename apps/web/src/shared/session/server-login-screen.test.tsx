// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/api-error.js";
import { createI18n } from "../i18n/create-i18n.js";
import type { LoginTextKey } from "./login-form.js";
import { ServerLoginScreen } from "./server-login-screen.js";
import type { ServerSession } from "./server-session.js";

afterEach(cleanup);

const session: ServerSession = {
  token: "t",
  user: { id: "0190a3b4-0000-7000-8000-000000000002", username: "phucvu", name: "Phục Vụ", role: "waiter" },
  expiresAt: "2099-01-01T00:00:00.000Z",
  stores: [{ id: "0190a3b4-0000-7000-8000-000000000003", code: "Q1", name: "Quầy 1" }],
};

const TEXT: Record<LoginTextKey, string> = {
  "login.title": "Đăng nhập",
  "login.username": "Tên đăng nhập",
  "login.password": "Mật khẩu",
  "login.submit": "Vào",
  "login.submitting": "Đang vào…",
};

function setup(login: () => Promise<ServerSession>, admits = true) {
  const onSignedIn = vi.fn();
  const loginCall = vi.fn(login);
  render(
    <I18nextProvider i18n={createI18n({})}>
      <ServerLoginScreen
        login={loginCall}
        admits={() => admits}
        refusal="Không dành cho bạn."
        describeError={(error) => (error instanceof ApiError ? error.message : "lỗi")}
        text={(key) => TEXT[key]}
        languageLabel="English"
        onSignedIn={onSignedIn}
      />
    </I18nextProvider>,
  );
  return { onSignedIn, loginCall };
}

async function submit() {
  fireEvent.change(screen.getByLabelText("Tên đăng nhập"), { target: { value: " phucvu " } });
  fireEvent.change(screen.getByLabelText("Mật khẩu"), { target: { value: "1234" } });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Vào" }));
  });
}

describe("server sign-in", () => {
  it("signs in with the trimmed username and stays busy while the app takes over", async () => {
    const { onSignedIn, loginCall } = setup(() => Promise.resolve(session));
    await submit();
    expect(loginCall).toHaveBeenCalledWith("phucvu", "1234");
    expect(onSignedIn).toHaveBeenCalledWith(session);
    expect(screen.getByRole("button", { name: "Đang vào…" })).toHaveProperty("disabled", true);
  });

  it("tells a person the app is not for them, and lets them try again", async () => {
    const { onSignedIn } = setup(() => Promise.resolve(session), false);
    await submit();
    expect(onSignedIn).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe("Không dành cho bạn.");
    expect(screen.getByRole("button", { name: "Vào" })).toHaveProperty("disabled", false);
  });

  it("shows the server's refusal in its own words", async () => {
    setup(() => Promise.reject(new ApiError(401, "BAD_CREDENTIALS", "Sai mật khẩu.")));
    await submit();
    expect(screen.getByRole("alert").textContent).toBe("Sai mật khẩu.");
  });
});
