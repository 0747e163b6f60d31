// @vitest-environment happy-dom
import { act, fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../shared/api/api-error.js";
import type { StationApi } from "../api/station-api.js";
import type { LoginMode, Session } from "../api/station-types.js";
import { renderCashier } from "../test-support/render-cashier.js";
import { LoginScreen } from "./login-screen.js";

const session: Session = {
  token: "t",
  user: {
    id: "0190a3b4-0000-7000-8000-000000000001",
    username: "thungan",
    name: "Thu Ngân",
    role: "cashier",
  },
  expiresAt: "2099-01-01T00:00:00.000Z",
  mode: "offline",
};

function fakeApi(login: (username: string, password: string, mode: LoginMode) => Promise<Session>) {
  return { login: vi.fn(login) } as unknown as StationApi & { login: ReturnType<typeof vi.fn> };
}

async function signIn(mode?: "Offline") {
  fireEvent.change(screen.getByLabelText("Tên đăng nhập"), { target: { value: "thungan" } });
  fireEvent.change(screen.getByLabelText("Mật khẩu"), { target: { value: "1234" } });
  if (mode !== undefined) fireEvent.click(screen.getByLabelText(mode));
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Đăng nhập" }));
  });
}

describe("login", () => {
  it("logs in online by default", async () => {
    const api = fakeApi(() => Promise.resolve({ ...session, mode: "online" }));
    const onSignedIn = vi.fn();
    renderCashier(<LoginScreen api={api} onSignedIn={onSignedIn} />);
    expect((screen.getByLabelText("Online") as HTMLInputElement).checked).toBe(true);
    await signIn();
    expect(api.login).toHaveBeenCalledWith("thungan", "1234", "online");
    expect(onSignedIn).toHaveBeenCalled();
  });

  it("offers offline selling in one click when the server cannot be reached", async () => {
    const unreachable = new ApiError(
      503,
      "SERVER_UNREACHABLE",
      "Không kết nối được máy chủ. Chuyển sang bán hàng Offline?",
    );
    const api = fakeApi((_user, _password, mode) =>
      mode === "online" ? Promise.reject(unreachable) : Promise.resolve(session),
    );
    const onSignedIn = vi.fn();
    renderCashier(<LoginScreen api={api} onSignedIn={onSignedIn} />);
    await signIn();
    expect(screen.getByRole("alert").textContent).toContain(unreachable.message);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Bán hàng Offline" }));
    });
    expect(api.login).toHaveBeenLastCalledWith("thungan", "1234", "offline");
    expect(onSignedIn).toHaveBeenCalledWith(session);
  });

  it("says a station that never synced must log in online once", async () => {
    const message = "Máy bán hàng chưa từng đồng bộ. Vui lòng đăng nhập Online một lần trước.";
    const api = fakeApi(() => Promise.reject(new ApiError(409, "NOT_PROVISIONED", message)));
    renderCashier(<LoginScreen api={api} onSignedIn={vi.fn()} />);
    await signIn("Offline");
    expect(api.login).toHaveBeenCalledWith("thungan", "1234", "offline");
    expect(screen.getByRole("alert").textContent).toBe(message);
    expect(screen.queryByRole("button", { name: "Bán hàng Offline" })).toBeNull();
  });
});
