// @vitest-environment happy-dom
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { StationStatus } from "../api/station-types.js";
import { renderCashier } from "../test-support/render-cashier.js";
import { OfflineBanner } from "./offline-banner.js";
import { StatusBar } from "./status-bar.js";

function status(state: StationStatus["sync"]["state"], serverReachable: boolean): StationStatus {
  return {
    mode: "offline",
    serverReachable,
    pending: { openOrders: 1, paidOrders: 3 },
    sync: { state, phase: null, done: 0, total: 0, error: null },
    lastSyncAt: null,
  };
}

function Screen({ current }: { current: StationStatus }) {
  const none = () => undefined;
  return (
    <>
      <StatusBar
        status={current}
        stream="open"
        storeName="Quán Cà Phê Demo"
        user={{ id: "u1", username: "thungan", name: "Thu ngân", role: "cashier" }}
        timeZone="Asia/Ho_Chi_Minh"
        onSyncNow={none}
        onRefused={none}
        onHelp={none}
        onConnections={none}
        onLogout={none}
      />
      <OfflineBanner status={current} />
    </>
  );
}

describe("the status bar while the sync waits for the cashier", () => {
  it("says orders still arrive from the server and the offline ones wait", () => {
    renderCashier(<Screen current={status("offered", true)} />);
    expect(screen.getByTestId("receiving-only").textContent).toBe(
      "Đang nhận đơn từ máy chủ; chờ đồng bộ đơn offline",
    );
    // Not "the server cannot be reached, phone ordering unavailable": both would be untrue.
    expect(screen.queryByTestId("offline-banner")).toBeNull();
    expect(screen.getByTestId("pending-count").getAttribute("data-count")).toBe("4");
    expect(screen.getByRole("button", { name: "Đồng bộ ngay" })).toBeTruthy();
  });

  it("keeps the offline banner while the server cannot be reached", () => {
    renderCashier(<Screen current={status("idle", false)} />, "en");
    expect(screen.queryByTestId("receiving-only")).toBeNull();
    expect(screen.getByTestId("offline-banner").textContent).toContain(
      "Unavailable meanwhile: phone ordering",
    );
  });

  it("says whether the shop's hub answers, for a counter that has one", () => {
    const linked = (reachable: boolean): StationStatus => ({
      ...status("idle", false),
      hub: { registered: true, reachable },
    });
    const shown = (current: StationStatus) => {
      const view = renderCashier(<Screen current={current} />);
      const link = screen.queryByTestId("hub-link");
      const seen = link && [link.textContent, link.getAttribute("data-reachable")];
      view.unmount();
      return seen;
    };
    expect(shown(linked(true))).toEqual(["Quầy chính: đã kết nối, các quầy dùng chung bàn", "true"]);
    expect(shown(linked(false))).toEqual(["Quầy chính: mất kết nối, quầy này bán riêng", "false"]);
    expect(shown(status("idle", true))).toBeNull();
  });
});
