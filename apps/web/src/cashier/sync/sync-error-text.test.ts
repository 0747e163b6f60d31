// @vitest-environment happy-dom
import { SYNC_ERROR_CODES } from "@quay/protocol";
import { describe, expect, it } from "vitest";
import { createCashierI18n } from "../i18n/cashier-i18n.js";
import { en } from "../i18n/en.js";
import { vi } from "../i18n/vi.js";
import { syncErrorText } from "./sync-error-text.js";

describe("syncErrorText", () => {
  it("has words in Vietnamese and English for every code a station reports, and no others", () => {
    for (const messages of [vi.syncErrors, en.syncErrors]) {
      expect(Object.keys(messages).sort()).toEqual([...SYNC_ERROR_CODES].sort());
      for (const text of Object.values(messages)) expect(text).toMatch(/\S/);
    }
  });

  it("says what happened instead of showing the code", () => {
    const i18n = createCashierI18n();
    expect(syncErrorText("DEVICE_REJECTED", i18n.t)).toBe(vi.syncErrors.DEVICE_REJECTED);
    for (const code of SYNC_ERROR_CODES) expect(syncErrorText(code, i18n.t)).not.toContain(code);
  });

  it.each(["VALIDATION_FAILED", "NEWER_THAN_THIS_APP", "toString", "", null, undefined])(
    "reads a code it does not know (%s) as an interrupted sync",
    (code) => {
      const i18n = createCashierI18n();
      expect(syncErrorText(code, i18n.t)).toBe(vi.syncErrors.SYNC_FAILED);
    },
  );

  it("speaks English when switched", async () => {
    const i18n = createCashierI18n();
    await i18n.changeLanguage("en");
    expect(syncErrorText("PROTOCOL_STATION_TOO_OLD", i18n.t)).toBe(en.syncErrors.PROTOCOL_STATION_TOO_OLD);
  });
});
