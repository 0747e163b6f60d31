// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import {
  HANDOFF_REFRESH_MS,
  type HubHandoff,
  handoffIsStale,
  handoffTarget,
  loadHandoff,
  saveHandoff,
} from "./hub-handoff.js";

const NOW = Date.parse("2026-11-28T03:00:00.000Z");
const kept: HubHandoff = {
  storeId: "store-1",
  hubUrls: ["http://192.168.1.10:3000", "http://10.0.0.5:3000"],
  pass: "payload.signature",
  passExpiresAt: "2026-11-28T15:00:00.000Z",
  fetchedAt: NOW,
};
const offline = { storeId: "store-1", online: false, nowMs: NOW };

afterEach(() => localStorage.clear());

describe("the one tap onto the shop's hub", () => {
  it("goes to the first hub's waiter app with the pass in the fragment, once the cloud is lost", () => {
    expect(handoffTarget(kept, offline)).toBe("http://192.168.1.10:3000/m/#pass=payload.signature");
    expect(handoffTarget(kept, { ...offline, online: true })).toBeNull();
  });

  it("is not offered without a hub, for another store, or with a pass about to lapse", () => {
    expect(handoffTarget(null, offline)).toBeNull();
    expect(handoffTarget({ ...kept, hubUrls: [] }, offline)).toBeNull();
    expect(handoffTarget(kept, { ...offline, storeId: "store-2" })).toBeNull();
    const lapsing = Date.parse(kept.passExpiresAt) - 30_000;
    expect(handoffTarget(kept, { ...offline, nowMs: lapsing })).toBeNull();
  });

  it("is kept across visits, and fetched again when old or of another store", () => {
    expect(loadHandoff()).toBeNull();
    saveHandoff(kept);
    expect(loadHandoff()).toEqual(kept);
    expect(handoffIsStale(loadHandoff(), "store-1", NOW + 1_000)).toBe(false);
    expect(handoffIsStale(loadHandoff(), "store-1", NOW + HANDOFF_REFRESH_MS)).toBe(true);
    expect(handoffIsStale(loadHandoff(), "store-2", NOW)).toBe(true);
    localStorage.setItem("quay.waiter.hubHandoff", '{"storeId":1}');
    expect(loadHandoff()).toBeNull();
  });
});
