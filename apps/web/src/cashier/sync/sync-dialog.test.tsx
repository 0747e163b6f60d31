// @vitest-environment happy-dom
import { act, fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../shared/api/api-error.js";
import type { StationStatus } from "../api/station-types.js";
import { renderCashier } from "../test-support/render-cashier.js";
import { SyncDialog } from "./sync-dialog.js";
import { useSyncFlow } from "./use-sync-flow.js";

function status(
  sync: Partial<StationStatus["sync"]>,
  pending = { openOrders: 1, paidOrders: 2 },
): StationStatus {
  return {
    mode: "offline",
    serverReachable: true,
    pending,
    sync: { state: "idle", phase: null, done: 0, total: 0, ...sync },
    lastSyncAt: null,
  };
}

function Host({ current, startSync }: { current: StationStatus; startSync: () => Promise<unknown> }) {
  const flow = useSyncFlow(current, startSync);
  return (
    <SyncDialog view={flow.view} pending={current.pending} onStart={flow.start} dispatch={flow.dispatch} />
  );
}

function setup(startSync: () => Promise<unknown> = () => Promise.resolve({ accepted: true })) {
  const view = renderCashier(<Host current={status({ state: "idle" })} startSync={startSync} />);
  const show = (next: StationStatus) =>
    act(() => {
      view.rerender(<Host current={next} startSync={startSync} />);
    });
  return { ...view, show };
}

describe("the sync dialogs", () => {
  it("names only what waits: no '0 đơn đang mở' when only invoices do", () => {
    const { show } = setup();
    show(status({ state: "offered" }, { openOrders: 0, paidOrders: 1 }));
    expect(screen.getByRole("dialog").textContent).toContain("1 hóa đơn đã thanh toán đang chờ");
    expect(screen.getByRole("dialog").textContent).not.toContain("đơn đang mở");
  });

  it("asks, shows progress with a bar, then reports success", async () => {
    const startSync = vi.fn(() => Promise.resolve({ accepted: true }));
    const { show } = setup(startSync);
    expect(screen.queryByRole("dialog")).toBeNull();

    show(status({ state: "offered" }));
    expect(screen.getByRole("dialog").textContent).toContain(
      "Đã kết nối được internet. Đồng bộ dữ liệu ngay?",
    );
    expect(screen.getByText(/1 đơn đang mở và 2 hóa đơn/)).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Có" }));
    });
    expect(startSync).toHaveBeenCalledTimes(1);
    expect(screen.getByText("Đang bắt đầu đồng bộ…")).toBeTruthy();

    show(status({ state: "running", phase: "open", done: 1, total: 1 }));
    expect(screen.getByText("Đang đồng bộ đơn đang mở 1/1")).toBeTruthy();

    show(status({ state: "running", phase: "paid", done: 12, total: 530 }));
    expect(screen.getByText("Đang đồng bộ hóa đơn 12/530")).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("2");

    show(status({ state: "idle" }, { openOrders: 0, paidOrders: 0 }));
    expect(screen.getByText("Đồng bộ dữ liệu thành công")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Đóng" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("goes away on Later", () => {
    const startSync = vi.fn(() => Promise.resolve({}));
    const { show } = setup(startSync);
    show(status({ state: "offered" }));
    fireEvent.click(screen.getByRole("button", { name: "Để sau" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    show(status({ state: "offered" }, { openOrders: 1, paidOrders: 3 }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(startSync).not.toHaveBeenCalled();
  });

  it("shows a clear error with Retry when the sync fails", async () => {
    const startSync = vi.fn(() => Promise.resolve({}));
    const { show } = setup(startSync);
    show(status({ state: "offered" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Có" }));
    });
    show(status({ state: "running", phase: "paid", done: 3, total: 10 }));
    show(status({ state: "failed", phase: null, done: 3, total: 10, error: "SERVER_UNREACHABLE" }));
    expect(screen.getByRole("alert").textContent).toBe(
      "Không kết nối được máy chủ. Dữ liệu vẫn an toàn trên máy này.",
    );

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Thử lại" }));
    });
    expect(startSync).toHaveBeenCalledTimes(2);
    expect(screen.getByText("Đang bắt đầu đồng bộ…")).toBeTruthy();
  });

  it.each([
    [
      "DEVICE_REJECTED",
      "Máy bán hàng không còn được máy chủ chấp nhận. Chủ quán hoặc quản lý cần đăng nhập Online lại.",
    ],
    ["VALIDATION_FAILED", "Đồng bộ bị gián đoạn. Dữ liệu vẫn an toàn trên máy này."],
  ])("words a failure with %s for the cashier, without the code", async (code, text) => {
    const { show } = setup();
    show(status({ state: "offered" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Có" }));
    });
    show(status({ state: "failed", phase: null, done: 0, total: 1, error: code }));
    expect(screen.getByRole("alert").textContent).toBe(text);
  });

  it("shows the station's own message when it refuses to start", async () => {
    const refusal = new ApiError(
      409,
      "SERVER_UNREACHABLE",
      "Không kết nối được máy chủ. Chuyển sang bán hàng Offline?",
    );
    const { show } = setup(() => Promise.reject(refusal));
    show(status({ state: "offered" }));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Có" }));
    });
    expect(screen.getByRole("alert").textContent).toBe(refusal.message);
    expect(screen.getByRole("button", { name: "Thử lại" })).toBeTruthy();
  });

  it("speaks English when switched", () => {
    const view = renderCashier(
      <Host current={status({ state: "offered" })} startSync={() => Promise.resolve()} />,
      "en",
    );
    expect(view.getByRole("dialog").textContent).toContain(
      "The internet connection is back. Sync the data now?",
    );
  });
});
