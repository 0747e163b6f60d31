import { describe, expect, it } from "vitest";
import type { StationStatus } from "../api/station-types.js";
import {
  initialSyncDialogState,
  type SyncDialogEvent,
  type SyncDialogState,
  syncDialogReducer,
} from "./sync-dialog-state.js";

type Sync = StationStatus["sync"];
const sync = (
  state: Sync["state"],
  phase: Sync["phase"] = null,
  done = 0,
  total = 0,
  error?: string,
): SyncDialogEvent => ({
  type: "status",
  sync: { state, phase, done, total, ...(error === undefined ? {} : { error }) },
});
const run = (...events: SyncDialogEvent[]): SyncDialogState =>
  events.reduce(syncDialogReducer, initialSyncDialogState);

describe("the sync dialogs' states", () => {
  it("stays hidden while the station is idle", () => {
    expect(run(sync("idle")).view).toEqual({ kind: "hidden" });
  });

  it("offers the sync when the station does", () => {
    expect(run(sync("idle"), sync("offered")).view).toEqual({ kind: "offer" });
  });

  it("goes offer → Yes → progress by phase → success", () => {
    const afterYes = run(sync("offered"), { type: "requested" });
    expect(afterYes.view).toEqual({ kind: "progress", phase: null, done: 0, total: 0 });
    // A status sent before the station took the "Yes" does not bring the offer back.
    expect(syncDialogReducer(afterYes, sync("offered")).view.kind).toBe("progress");
    const open = syncDialogReducer(afterYes, sync("running", "open", 1, 2));
    expect(open.view).toEqual({ kind: "progress", phase: "open", done: 1, total: 2 });
    const paid = syncDialogReducer(open, sync("running", "paid", 12, 530));
    expect(paid.view).toEqual({ kind: "progress", phase: "paid", done: 12, total: 530 });
    const done = syncDialogReducer(paid, sync("idle"));
    expect(done.view).toEqual({ kind: "success" });
    // The success stays until closed, even as further statuses arrive.
    expect(syncDialogReducer(done, sync("idle")).view).toEqual({ kind: "success" });
    expect(syncDialogReducer(done, { type: "close" }).view).toEqual({ kind: "hidden" });
  });

  it("keeps quiet after Later until the station offers again", () => {
    const later = run(sync("offered"), { type: "later" });
    expect(later.view).toEqual({ kind: "hidden" });
    expect(syncDialogReducer(later, sync("offered")).view).toEqual({ kind: "hidden" });
    const again = run(sync("offered"), { type: "later" }, sync("idle"), sync("offered"));
    expect(again.view).toEqual({ kind: "offer" });
  });

  it("shows a failure with its code, and Retry starts over", () => {
    const failed = run(
      sync("offered"),
      { type: "requested" },
      sync("running", "paid", 3, 10),
      sync("failed", null, 3, 10, "SERVER_UNREACHABLE"),
    );
    expect(failed.view).toEqual({ kind: "failed", code: "SERVER_UNREACHABLE", message: null });
    const retried = syncDialogReducer(failed, { type: "requested" });
    expect(retried.view.kind).toBe("progress");
    expect(syncDialogReducer(retried, sync("idle")).view).toEqual({ kind: "success" });
  });

  it("shows the station's message when it refuses to start", () => {
    const refused = run(
      sync("offered"),
      { type: "requested" },
      {
        type: "requestFailed",
        code: "SERVER_UNREACHABLE",
        message: "Không kết nối được máy chủ.",
      },
    );
    expect(refused.view).toEqual({
      kind: "failed",
      code: "SERVER_UNREACHABLE",
      message: "Không kết nối được máy chủ.",
    });
  });

  it("lets the cashier hide the progress and still reports the end", () => {
    const hidden = run(sync("offered"), { type: "requested" }, sync("running", "paid", 1, 5), {
      type: "hideProgress",
    });
    expect(hidden.view).toEqual({ kind: "hidden" });
    expect(syncDialogReducer(hidden, sync("running", "paid", 2, 5)).view).toEqual({ kind: "hidden" });
    expect(syncDialogReducer(hidden, sync("idle")).view).toEqual({ kind: "success" });
  });

  it("shows the progress of an automatic sync too, but not a failure nobody asked about", () => {
    expect(run(sync("running", "open", 0, 1)).view.kind).toBe("progress");
    expect(run(sync("failed", null, 0, 0, "SERVER_UNREACHABLE")).view).toEqual({ kind: "hidden" });
  });
});
