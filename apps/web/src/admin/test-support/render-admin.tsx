import { STORE_SETTING_DEFAULTS } from "@quay/protocol";
import { cleanup, type RenderResult, render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { afterEach } from "vitest";
import type { AdminApi } from "../api/admin-api.js";
import type { Catalog } from "../api/admin-types.js";
import { createAdminI18n } from "../i18n/admin-text.js";
import { StoreContext, type StoreContextValue } from "../layout/store-context.js";

afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** A store's catalog with nothing in it but the store. */
export const EMPTY_CATALOG: Catalog = {
  store: {
    id: "s1",
    code: "CH01",
    name: "Quán A",
    address: "",
    phone: "",
    timeZone: "Asia/Ho_Chi_Minh",
    autoSync: false,
    bank: null,
    ...STORE_SETTING_DEFAULTS,
  },
  categories: [],
  items: [],
  areas: [],
  tables: [],
  printers: [],
  optionGroups: [],
};

/** A test's stand-ins for the server calls: only the ones it makes, typed as the test likes. */
export type FakeApi = Partial<Record<keyof AdminApi, unknown>>;

/** Renders a back-office component in Vietnamese inside store s1, its calls to the server going to `api`. */
export function renderAdmin(ui: ReactElement, api: FakeApi, catalog = EMPTY_CATALOG): RenderResult {
  const i18n = createAdminI18n();
  void i18n.changeLanguage("vi");
  const store: StoreContextValue = {
    // A call the test did not fake fails as a missing function would: loudly.
    api: api as AdminApi,
    session: {
      token: "t",
      user: { id: "u1", username: "quanly", name: "Quản lý", role: "manager" },
      expiresAt: "2026-12-31T00:00:00.000Z",
      stores: [{ id: "s1", code: "CH01", name: "Quán A" }],
    },
    storeId: "s1",
    catalog,
    reloadCatalog: () => undefined,
    salesVersion: 0,
  };
  return render(
    <I18nextProvider i18n={i18n}>
      <StoreContext.Provider value={store}>{ui}</StoreContext.Provider>
    </I18nextProvider>,
  );
}
