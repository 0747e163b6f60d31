// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createWaiterI18n } from "../i18n/waiter-text.js";
import { ConnectionBanner } from "./connection-banner.js";

afterEach(cleanup);

const show = (props: Parameters<typeof ConnectionBanner>[0]) =>
  render(
    <I18nextProvider i18n={createWaiterI18n()}>
      <ConnectionBanner {...props} />
    </I18nextProvider>,
  );

describe("the connection banner", () => {
  it("offers the shop's network with one tap when the cloud is lost and a hub is known", () => {
    const onHandoff = vi.fn();
    show({ online: false, handoffUrl: "http://192.168.1.10:3000/m/#pass=p", onHandoff });
    fireEvent.click(screen.getByRole("button", { name: "Dùng mạng của quán" }));
    expect(onHandoff).toHaveBeenCalledWith("http://192.168.1.10:3000/m/#pass=p");
  });

  it("only says the items are kept when no hub is known, and shows nothing online", () => {
    show({ online: false, handoffUrl: null });
    expect(screen.getByTestId("offline-banner").textContent).toContain("Món đang chọn vẫn được giữ");
    expect(screen.queryByRole("button")).toBeNull();
    cleanup();
    show({ online: true, handoffUrl: "http://192.168.1.10:3000/m/#pass=p" });
    expect(screen.queryByTestId("offline-banner")).toBeNull();
  });
});
